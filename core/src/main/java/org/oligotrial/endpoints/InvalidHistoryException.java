package org.oligotrial.endpoints;

/** A participant history that contradicts itself (e.g. progression after death); the message names the field. */
public final class InvalidHistoryException extends IllegalArgumentException {
  public InvalidHistoryException(String message) {
    super(message);
  }
}
