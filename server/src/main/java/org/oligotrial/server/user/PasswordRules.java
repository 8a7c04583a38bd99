package org.oligotrial.server.user;

import java.nio.charset.StandardCharsets;
import org.oligotrial.server.kernel.InvalidFieldException;

/**
 * What a password must be. BCrypt reads at most 72 bytes of its input (Provos and Mazieres 1999, the key schedule
 * of Blowfish takes 18 32-bit words, 72 bytes); a longer password would be cut silently, so that two passwords
 * sharing their first 72 bytes would both match, and Spring Security's encoder refuses to hash one. The limit is
 * therefore counted in UTF-8 bytes, not characters: 72 ASCII letters fit, 24 Chinese characters (3 bytes each)
 * fit, 19 emoji (4 bytes each) do not.
 */
public final class PasswordRules {
  /** Shortest password accepted, in characters. */
  public static final int MIN_CHARACTERS = 12;
  /** Longest password accepted, in bytes of UTF-8 (BCrypt's limit). */
  public static final int MAX_BYTES = 72;

  private PasswordRules() {}

  /**
   * Checks a new password.
   *
   * @param field the field named in the message ({@code password}, {@code next}, ...)
   * @throws InvalidFieldException when it is missing, shorter than {@link #MIN_CHARACTERS} characters, longer than
   *     {@link #MAX_BYTES} bytes in UTF-8 or contains a NUL character
   */
  public static void check(String field, String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_CHARACTERS) {
      throw new InvalidFieldException(field, "must be at least " + MIN_CHARACTERS + " characters");
    }
    int bytes = utf8Length(password);
    if (bytes > MAX_BYTES) {
      throw new InvalidFieldException(field, "must be at most " + MAX_BYTES + " bytes in UTF-8 (BCrypt's limit);"
          + " this one has " + bytes + " bytes");
    }
    if (password.indexOf(0) >= 0) {
      throw new InvalidFieldException(field, "contains a NUL character");
    }
  }

  /** Whether the password can be a stored one at all (so that it is worth checking against a hash). */
  public static boolean checkable(String password) {
    return password != null && !password.isEmpty() && utf8Length(password) <= MAX_BYTES;
  }

  /** The password's length in UTF-8 bytes (a lone surrogate counts as the one byte {@code ?} it becomes). */
  static int utf8Length(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }
}
