package org.oligotrial.server.kernel;

/**
 * Validation at the service edge: text lengths, required fields, reasons for change. A required text must hold a
 * visible character ({@link TextRules#hasVisible}: a zero-width space or a run of blanks is not a reason), and no
 * text may hold what {@link TextRules} refuses (the request binding refuses it first; this is the same rule for the
 * operator commands and any other caller).
 */
public final class Checks {
  /** Longest free-text value accepted (reasons, names). */
  public static final int MAX_TEXT = 4000;

  private Checks() {}

  /**
   * Trims nothing: returns {@code v} if it holds a visible character and is at most {@code max} characters.
   *
   * @throws InvalidFieldException when it is missing or has no visible character, or is too long
   * @throws BadInputException when it holds a lone surrogate, a bidirectional override or a control character other
   *     than TAB, LF and CR
   */
  public static String required(String field, String v, int max) {
    if (!TextRules.hasVisible(v)) {
      throw new InvalidFieldException(field, "is required (at least one visible character)");
    }
    return optional(field, v, max);
  }

  /** Returns {@code v} (possibly null) if it is at most {@code max} characters of acceptable text. */
  public static String optional(String field, String v, int max) {
    if (v != null && v.length() > max) {
      throw new InvalidFieldException(field, "is longer than " + max + " characters");
    }
    String why = v == null ? null : TextRules.problem(v, true);
    if (why != null) {
      throw new BadInputException(field, why);
    }
    return v;
  }

  /** A reason for change: required once a saved value changes; it must hold a visible character. */
  public static String reason(String v) {
    if (!TextRules.hasVisible(v)) {
      throw new InvalidFieldException("reason", "a reason for change is required when a saved value changes"
          + " (at least one visible character)");
    }
    return optional("reason", v, MAX_TEXT);
  }
}
