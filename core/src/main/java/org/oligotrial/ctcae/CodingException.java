package org.oligotrial.ctcae;

/**
 * A value that cannot be coded to CTCAE v5.0, or a grade that does not exist for its term. The message names the
 * problem in words (the term, the allowed grades, the nearest terms); {@link #part()} names the part of the field
 * value at fault ({@code otherSpecify}, {@code meddraCode}, {@code soc}), or is null for the value as a whole.
 */
public final class CodingException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;
  private final String part;

  public CodingException(String part, String message) {
    super(message);
    this.part = part;
  }

  /** The part of the value at fault, or null for the whole value. */
  public String part() {
    return part;
  }
}
