package org.oligotrial.server.input;

import org.oligotrial.server.kernel.TextRules;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value refused by {@link TextRules} (or a number that is not finite) while a request body is read. Jackson
 * adds the path of the property on its way out; {@link #subPath} is the position inside a free-form JSON value
 * (a screening record's {@code .labs.note}), empty for a plain property.
 */
public final class RefusedValueException extends MismatchedInputException {
  private final String subPath;
  private final String reason;

  RefusedValueException(JsonParser p, String subPath, String reason) {
    super(p, reason);
    this.subPath = subPath;
    this.reason = reason;
  }

  /** Where inside the value ({@code .a.b[2]}), or empty. */
  public String subPath() {
    return subPath;
  }

  /** Why, e.g. "contains a lone UTF-16 surrogate (U+D800) at position 3". */
  public String reason() {
    return reason;
  }
}
