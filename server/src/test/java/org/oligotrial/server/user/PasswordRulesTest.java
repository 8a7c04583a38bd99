package org.oligotrial.server.user;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.oligotrial.server.kernel.InvalidFieldException;

/** BCrypt's 72-byte limit counted in UTF-8 bytes, with the field named. */
class PasswordRulesTest {
  @Test
  void seventyTwoAsciiBytesFitSeventyThreeDoNot() {
    assertThatCode(() -> PasswordRules.check("password", "a".repeat(72))).doesNotThrowAnyException();
    assertThatThrownBy(() -> PasswordRules.check("password", "a".repeat(73)))
        .isInstanceOf(InvalidFieldException.class).hasMessage(
            "password: must be at most 72 bytes in UTF-8 (BCrypt's limit); this one has 73 bytes");
  }

  @Test
  void multiByteCharactersCountInBytes() {
    // U+4E2D is 3 bytes in UTF-8: 24 of them are 72 bytes, 25 are 75
    assertThatCode(() -> PasswordRules.check("next", "\u4e2d".repeat(24))).doesNotThrowAnyException();
    assertThatThrownBy(() -> PasswordRules.check("next", "\u4e2d".repeat(25)))
        .hasMessageStartingWith("next: must be at most 72 bytes").hasMessageEndingWith("75 bytes");
    // U+1F600 is 4 bytes (a surrogate pair in Java): 18 fit, 19 do not
    assertThatCode(() -> PasswordRules.check("password", "\ud83d\ude00".repeat(18))).doesNotThrowAnyException();
    assertThatThrownBy(() -> PasswordRules.check("password", "\ud83d\ude00".repeat(19)))
        .hasMessageEndingWith("76 bytes");
  }

  @Test
  void shortOrMissingPasswordsAreRefusedByCharacters() {
    assertThatThrownBy(() -> PasswordRules.check("password", null)).hasMessage(
        "password: must be at least 12 characters");
    assertThatThrownBy(() -> PasswordRules.check("password", "\ud83d\ude00".repeat(11)))
        .hasMessage("password: must be at least 12 characters");
  }

  @Test
  void theBackOffDoublesFromTheFifthFailureToItsCap() {
    // LoginThrottle's rule: delay(n) = min(1 s * 2^(n-5), 15 min) for n >= 5
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.delayAfter(4, 5)).isZero();
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.delayAfter(5, 5)).hasSeconds(1);
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.delayAfter(6, 5)).hasSeconds(2);
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.delayAfter(14, 5)).hasSeconds(512);
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.delayAfter(15, 5)).hasMinutes(15);
    org.assertj.core.api.Assertions.assertThat(LoginThrottle.delayAfter(1_000_000, 5)).hasMinutes(15);
  }
}
