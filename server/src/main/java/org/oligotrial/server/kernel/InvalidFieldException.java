package org.oligotrial.server.kernel;

/** Input that the register refuses; the message names the field. Maps to HTTP 422. */
public class InvalidFieldException extends RuntimeException {
  private final String field;
  private final String detail;

  public InvalidFieldException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
    this.detail = message;
  }

  /** What is wrong, without the field's name (e.g. {@code the password is not correct}). */
  public String detail() {
    return detail;
  }

  /** The offending field, e.g. {@code reason} or {@code screeningRecord.age}. */
  public String field() {
    return field;
  }
}
