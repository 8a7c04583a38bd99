package org.oligotrial.cli;

import org.oligotrial.input.UserInputException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one clear line on stderr and exit code 2 (bad input) or 1 (anything
 * else), never a stack trace. {@link UserInputException} carries messages meant for the user as they are.
 */
public final class FriendlyErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parseResult) {
    if (ex instanceof UserInputException u) {
      cl.getErr().println("error: " + u.getMessage());
      return 2;
    }
    if (ex instanceof java.nio.file.NoSuchFileException n) {
      cl.getErr().println("error: no such file: " + n.getFile());
      return 2;
    }
    if (ex instanceof java.io.IOException io) {
      cl.getErr().println("error: " + io.getMessage());
      return 2;
    }
    cl.getErr().println("error: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
    if (System.getenv("OLIGOTRIAL_DEBUG") != null) {
      ex.printStackTrace(cl.getErr());
    }
    return 1;
  }
}
