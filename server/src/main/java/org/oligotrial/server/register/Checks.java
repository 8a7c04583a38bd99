package org.oligotrial.server.register;

/** Validation at the service edge: text lengths, required fields, reasons for change. */
public final class Checks {
  /** Longest free-text value accepted (reasons, names). */
  public static final int MAX_TEXT = 4000;

  private Checks() {}

  /** Trims nothing: returns {@code v} if it is non-blank and at most {@code max} characters. */
  public static String required(String field, String v, int max) {
    if (v == null || v.isBlank()) {
      throw new InvalidFieldException(field, "is required");
    }
    return optional(field, v, max);
  }

  /** Returns {@code v} (possibly null) if it is at most {@code max} characters. */
  public static String optional(String field, String v, int max) {
    if (v != null && v.length() > max) {
      throw new InvalidFieldException(field, "is longer than " + max + " characters");
    }
    if (v != null && v.indexOf(0) >= 0) {
      throw new InvalidFieldException(field, "contains a NUL character");
    }
    return v;
  }

  /** A reason for change: required once a saved value changes. */
  public static String reason(String v) {
    if (v == null || v.isBlank()) {
      throw new InvalidFieldException("reason", "a reason for change is required when a saved value changes");
    }
    return optional("reason", v, MAX_TEXT);
  }
}
