package org.oligotrial.server.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** TOTP against the test vectors of RFC 6238, Appendix B, and the window and replay rules. */
class TotpTest {
  /** RFC 6238 Appendix B: the SHA1 seed is the ASCII string "12345678901234567890" (20 bytes). */
  static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T = {0} s: {1}")
  @CsvSource({
    // RFC 6238, Appendix B, table of test vectors, mode SHA1 (8 digits)
    "59, 94287082",
    "1111111109, 07081804",
    "1111111111, 14050471",
    "1234567890, 89005924",
    "2000000000, 69279037",
    "20000000000, 65353130"
  })
  void agreesWithRfc6238AppendixB(long unixSeconds, String expected) {
    long step = Totp.step(Instant.ofEpochSecond(unixSeconds));
    assertThat(Totp.code(RFC_KEY, step, 8)).isEqualTo(expected);
    // 6 digits are the same binary value mod 10^6: the last six of the 8-digit code
    assertThat(Totp.code(RFC_KEY, step, 6)).isEqualTo(expected.substring(2));
  }

  @Test
  void rfc6238AppendixBStepsAreTheHexCountersOfItsTable() {
    // the table's "Value of T (hex)" column: 0000000000000001 and 00000000023523EC
    assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(0x1L);
    assertThat(Totp.step(Instant.ofEpochSecond(1111111109))).isEqualTo(0x23523ECL);
  }

  @Test
  void acceptsOneStepEitherSideAndNothingFurther() {
    Instant now = Instant.ofEpochSecond(1111111111);
    long step = Totp.step(now);
    assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step, 6), now, -1)).isEqualTo(step);
    assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, -1)).isEqualTo(step - 1);
    assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 1, 6), now, -1)).isEqualTo(step + 1);
    assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 2, 6), now, -1)).isEqualTo(-1);
    assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step + 2, 6), now, -1)).isEqualTo(-1);
  }

  @Test
  void aCodeOfAStepAlreadyUsedIsRefused() {
    Instant now = Instant.ofEpochSecond(1234567890);
    long step = Totp.step(now);
    String code = Totp.code(RFC_KEY, step, 6);
    assertThat(Totp.match(RFC_KEY, code, now, step)).isEqualTo(-1);
    assertThat(Totp.match(RFC_KEY, Totp.code(RFC_KEY, step - 1, 6), now, step)).isEqualTo(-1);
  }

  @Test
  void malformedCodesNeverMatch() {
    Instant now = Instant.ofEpochSecond(59);
    for (String bad : new String[] {null, "", "28708", "2870822", "abcdef", "28708x", "２８７０８２"}) {
      assertThat(Totp.match(RFC_KEY, bad, now, -1)).as(String.valueOf(bad)).isEqualTo(-1);
    }
  }

  @Test
  void base32RoundTripsAndMatchesRfc4648() {
    // RFC 4648 section 10: BASE32("foobar") = "MZXW6YTBOI======" (written here without padding)
    assertThat(Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
    assertThat(new String(Totp.fromBase32("MZXW6YTBOI======"), StandardCharsets.US_ASCII)).isEqualTo("foobar");
    assertThat(Totp.fromBase32(Totp.base32(RFC_KEY))).isEqualTo(RFC_KEY);
    assertThatThrownBy(() -> Totp.fromBase32("MZ1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theUriCarriesIssuerAccountAndParameters() {
    assertThat(Totp.uri("OligoTrial", "li.wei@GZ01", "GEZDGNBV"))
        .isEqualTo("otpauth://totp/OligoTrial:li.wei%40GZ01?secret=GEZDGNBV&issuer=OligoTrial&algorithm=SHA1"
            + "&digits=6&period=30");
  }
}
