package org.oligotrial.server.register;

import java.util.function.Supplier;
import org.oligotrial.input.UserInputException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;

/** Turns the register's refusals into {@link UserInputException} for the command line (exit code 2). */
public final class OperatorErrors {
  private OperatorErrors() {}

  /** Runs {@code action}; a refused input becomes "error: field: message". */
  public static <T> T translate(Supplier<T> action) {
    try {
      return action.get();
    } catch (InvalidFieldException | SiteAccessDeniedException | RecordNotFoundException e) {
      throw new UserInputException(e.getMessage(), e);
    }
  }
}
