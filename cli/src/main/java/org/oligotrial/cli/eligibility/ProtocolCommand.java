package org.oligotrial.cli.eligibility;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolCheck;
import org.oligotrial.protocol.ProtocolException;
import org.oligotrial.protocol.ProtocolLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oligotrial protocol}: work with protocol files. */
@Command(name = "protocol", mixinStandardHelpOptions = true, description = "Work with protocol files.",
    subcommands = ProtocolCommand.Check.class)
public final class ProtocolCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** {@code oligotrial protocol check FILE}. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Checks a protocol file: structural errors and plausibility warnings (e.g. a laboratory "
          + "threshold outside the physiological range).", "Exit code 0 when valid (warnings allowed), 2 with errors."})
  public static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The protocol file (YAML).")
    Path file;

    @Override
    public Integer call() {
      ProtocolCheck check;
      try {
        check = ProtocolLoader.check(file);
      } catch (UncheckedIOException e) {
        throw new UserInputException(e.getCause() instanceof NoSuchFileException ? "no such file: " + file
            : "cannot read " + file + ": " + e.getCause().getMessage(), e);
      }
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      for (ProtocolException.Problem p : check.errors()) {
        err.println("error: " + p);
      }
      for (ProtocolException.Problem p : check.warnings()) {
        out.println("warning: " + p);
      }
      if (!check.valid()) {
        err.printf("%s: %d error(s), %d warning(s)%n", file, check.errors().size(), check.warnings().size());
        err.flush();
        out.flush();
        return 2;
      }
      Protocol p = check.protocol();
      out.printf("%s: valid protocol %s (%d criteria, %d arms, %d stratification factors, %d visits), %d warning(s)%n",
          file, p.id(), p.criteria().size(), p.arms().size(), p.stratification().size(), p.visits().size(),
          check.warnings().size());
      out.flush();
      return 0;
    }
  }
}
