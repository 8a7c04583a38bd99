package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyedStreamTest {

  private static final SecretSeed SEED = SecretSeed.fromHex("000102030405060708090a0b0c0d0e0f");

  @Test
  void sameSeedAndLabelGiveTheSameStreamAndOtherLabelsOrSeedsDiffer() {
    KeyedStream a = new KeyedStream(SEED, "blocks/x/1");
    KeyedStream b = new KeyedStream(SEED, "blocks/x/1");
    KeyedStream c = new KeyedStream(SEED, "blocks/x/2");
    KeyedStream d = new KeyedStream(SecretSeed.fromHex("ff0102030405060708090a0b0c0d0e0f"), "blocks/x/1");
    long[] first = new long[10];
    boolean differsC = false;
    boolean differsD = false;
    for (int i = 0; i < 10; i++) {
      first[i] = a.nextLong();
      assertThat(b.nextLong()).isEqualTo(first[i]);
      differsC |= c.nextLong() != first[i];
      differsD |= d.nextLong() != first[i];
    }
    assertThat(differsC).isTrue();
    assertThat(differsD).isTrue();
  }

  @Test
  void nextIntIsUniformOverItsRange() {
    KeyedStream s = new KeyedStream(SEED, "uniformity");
    int[] counts = new int[6];
    for (int i = 0; i < 60_000; i++) {
      counts[s.nextInt(6)]++;
    }
    // chi-square with 5 degrees of freedom; 99.9% quantile 20.5
    double chi2 = 0;
    for (int c : counts) {
      chi2 += (c - 10_000.0) * (c - 10_000.0) / 10_000.0;
    }
    assertThat(chi2).isLessThan(20.5);
  }

  @Test
  void doublesAreInTheUnitInterval() {
    KeyedStream s = new KeyedStream(SEED, "unit");
    for (int i = 0; i < 10_000; i++) {
      assertThat(s.nextDouble()).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
  }

  @Test
  void badSeedTextIsRefusedWithAClearMessage() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretSeed.fromHex("xyz"))
        .hasMessage("a randomization seed must be 32 to 128 hexadecimal digits");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> SecretSeed.fromHex("00ff"))
        .hasMessageContaining("16 to 64 bytes");
  }
}
