package org.oligotrial.server.kernel;

/**
 * An observation date that breaks a date rule (in the future, before 1900, before birth or randomization, after
 * death). The message names the field and both dates. Maps to HTTP 400: the request states something that cannot
 * have happened.
 */
public class DateRuleException extends InvalidFieldException {
  public DateRuleException(String field, String message) {
    super(field, message);
  }
}
