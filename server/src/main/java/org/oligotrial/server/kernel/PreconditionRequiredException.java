package org.oligotrial.server.kernel;

/**
 * A change that must say which version of the record it was made to, and did not (RFC 6585 section 3: "428
 * Precondition Required", to prevent lost updates). Maps to HTTP 428 naming the field.
 */
public class PreconditionRequiredException extends InvalidFieldException {
  public PreconditionRequiredException(String field, String message) {
    super(field, message);
  }
}
