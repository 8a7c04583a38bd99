package org.oligotrial.server.testing;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.oligotrial.server.Main;
import org.oligotrial.server.register.UsersCommandAccess;
import picocli.CommandLine;

/**
 * One run of the {@code oligotrial} command line in the test's JVM, as an operator's shell would run it: its exit
 * code and what it wrote to standard output and standard error.
 *
 * @param exit the exit code (0 done, 1 refused or failed, 2 a usage or input error)
 * @param out standard output
 * @param err standard error
 */
public record CommandRun(int exit, String out, String err) {
  /** Runs the command line with these arguments (standard input left as it is). */
  public static CommandRun run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new CommandRun(code, out.toString(), err.toString());
  }

  /** Runs the command line with this text as the standard input of the commands that read it (passwords). */
  public static CommandRun withStdin(String stdin, String... args) {
    UsersCommandAccess.setStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    return run(args);
  }
}
