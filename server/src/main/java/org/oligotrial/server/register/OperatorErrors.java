package org.oligotrial.server.register;

import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;
import org.oligotrial.server.database.DatabaseOption;
import picocli.CommandLine.Model.CommandSpec;
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

  /**
   * The opening every operator sub-command that changes the register shares: opens the database of {@code db},
   * makes the change (a refused input becomes "error: field: message", exit 2), prints the answer to the command's
   * output and returns exit code 0.
   *
   * @param change the change on the open register, returning what the answer reports (may be null)
   * @param answer the line printed, from the register and the change's result
   */
  public static <T> int change(DatabaseOption db, CommandSpec spec, Function<Register, T> change,
      BiFunction<Register, T, String> answer) {
    try (OperatorSession s = OperatorSession.open(db.resolve())) {
      T result = translate(() -> change.apply(s.register()));
      spec.commandLine().getOut().println(answer.apply(s.register(), result));
    }
    return 0;
  }
}
