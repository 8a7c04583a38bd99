package org.oligotrial.server.kernel;

/**
 * A value that is not acceptable input at all, whatever the record (a lone surrogate, a control character, an
 * invisible character in an identifier, a value of the wrong JSON type). Maps to HTTP 400 naming the field; the web
 * pages show it as the form's error like any other refused field.
 */
public class BadInputException extends InvalidFieldException {
  public BadInputException(String field, String message) {
    super(field, message);
  }
}
