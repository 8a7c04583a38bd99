package org.oligotrial.recist;

/** RECIST data that breaks a rule of the guideline or of the input format; the message names the field or lesion. */
public final class InvalidRecistDataException extends IllegalArgumentException {
  public InvalidRecistDataException(String message) {
    super(message);
  }
}
