package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TimeSortTest {

  @Test
  void sortsAsArraysSortForSeededRandomTimes() {
    Random r = new Random(11);
    for (int k = 0; k < 40; k++) {
      int n = k % 3 == 0 ? r.nextInt(5000) : 4096 + r.nextInt(100_000);
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = switch (k % 4) {
          case 0 -> r.nextDouble() * 1000;
          case 1 -> Math.round(r.nextDouble() * 6000) / 100.0; // many ties, as times in days with two decimals
          case 2 -> r.nextInt(3) == 0 ? 0.0 : Math.exp(r.nextGaussian() * 20); // zeros and wide exponents
          default -> 7.5; // one value: every pass skipped
        };
      }
      double[] expected = a.clone();
      Arrays.sort(expected);
      TimeSort.sort(a);
      assertThat(a).containsExactly(expected);
    }
  }
}
