package org.oligotrial.server.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.kernel.Role;

class TokenCacheTest {
  private static final TokenCache.Entry ENTRY = new TokenCache.Entry(
      new UserAccount("coord", "{bcrypt}x", Role.COORDINATOR, Set.of("A"), true, null, null),
      Instant.parse("2030-01-01T00:00:00Z"));

  @Test
  void holdsNothingUntilEnabled() {
    TokenCache c = new TokenCache();
    c.put("h", ENTRY, c.generation());
    assertThat(c.get("h")).isNull();
    assertThat(c.size()).isZero();
    c.enable();
    c.put("h", ENTRY, c.generation());
    assertThat(c.get("h")).isEqualTo(ENTRY);
  }

  @Test
  void aReadThatAnInvalidationOvertookIsNotStored() {
    TokenCache c = new TokenCache();
    c.enable();
    long readAt = c.generation();
    c.invalidateAll(); // a change committed while the token was being read from the database
    c.put("h", ENTRY, readAt);
    assertThat(c.get("h")).isNull();
    c.put("h", ENTRY, c.generation());
    assertThat(c.get("h")).isEqualTo(ENTRY);
  }

  @Test
  void enablingOrDisablingEmptiesItAndAReadFromBeforeCannotRefillIt() {
    TokenCache c = new TokenCache();
    c.enable();
    c.put("h", ENTRY, c.generation());
    long readAt = c.generation();
    c.disable();
    assertThat(c.enabled()).isFalse();
    assertThat(c.size()).isZero();
    c.put("h", ENTRY, readAt);
    assertThat(c.get("h")).isNull();
    c.enable();
    c.put("h", ENTRY, readAt); // read while the listener was down: it may have missed a change
    assertThat(c.get("h")).isNull();
    assertThat(c.size()).isZero();
  }

  @Test
  void neverHoldsMoreThanItsLimit() {
    TokenCache c = new TokenCache();
    c.enable();
    for (int i = 0; i <= TokenCache.MAX_ENTRIES; i++) {
      c.put("h" + i, ENTRY, c.generation());
    }
    assertThat(c.size()).isBetween(1, TokenCache.MAX_ENTRIES);
    assertThat(c.get("h" + TokenCache.MAX_ENTRIES)).isEqualTo(ENTRY);
  }
}
