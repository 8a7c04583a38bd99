package org.oligotrial.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.kernel.Ids;

/** Record ids: UUID version 7 (RFC 9562, section 5.7), ordered by the time they were made. */
class IdsTest {
  @Test
  void isAVersion7UuidWithTheIetfVariantAndTheCurrentTimeInItsFirst48Bits() {
    long before = System.currentTimeMillis();
    String id = Ids.next();
    long after = System.currentTimeMillis();

    UUID u = UUID.fromString(id);
    assertThat(id).hasSize(36).isEqualTo(u.toString());
    assertThat(u.version()).isEqualTo(7);
    assertThat(u.variant()).isEqualTo(2); // RFC 9562 variant: bits 10
    long millis = u.getMostSignificantBits() >>> 16;
    assertThat(millis).isBetween(before, after);
  }

  @Test
  void idsMadeInLaterMillisecondsSortLaterAsText() throws InterruptedException {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(Ids.next());
      Thread.sleep(2);
    }
    assertThat(ids).isSorted();
  }

  @Test
  void aHundredThousandIdsAreDistinctAndNeverGoBackInTime() {
    Set<String> seen = new HashSet<>();
    long lastMillis = 0;
    for (int i = 0; i < 100_000; i++) {
      String id = Ids.next();
      assertThat(seen.add(id)).as("duplicate %s", id).isTrue();
      long millis = UUID.fromString(id).getMostSignificantBits() >>> 16;
      assertThat(millis).isGreaterThanOrEqualTo(lastMillis);
      lastMillis = millis;
    }
  }

  @Test
  void theBitsAfterTheTimeAreRandomNotACounter() {
    // a counter would make the next id in the same millisecond the last one plus one; 74 random bits make two ids
    // differ in about 37 of them
    int differing = 0;
    int pairs = 1000;
    for (int i = 0; i < pairs; i++) {
      UUID a = UUID.fromString(Ids.next());
      UUID b = UUID.fromString(Ids.next());
      differing += Long.bitCount((a.getMostSignificantBits() ^ b.getMostSignificantBits()) & 0xFFFL)
          + Long.bitCount((a.getLeastSignificantBits() ^ b.getLeastSignificantBits()) & 0x3FFF_FFFF_FFFF_FFFFL);
    }
    assertThat(differing / (double) pairs).isBetween(32.0, 42.0);
  }
}
