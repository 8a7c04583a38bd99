package org.oligotrial.server.kernel;

/** The request contradicts what is stored (a duplicate key, an illegal status transition). Maps to HTTP 409. */
public class ConflictException extends InvalidFieldException {
  public ConflictException(String field, String message) {
    super(field, message);
  }
}
