package org.oligotrial.cli.randomization;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oligotrial randomization}: groups the randomization commands. */
@Command(
    name = "randomization",
    mixinStandardHelpOptions = true,
    description = "Randomization: simulate the methods, create a seed, export the sealed block lists (docs/randomization.md).",
    subcommands = {SimulateCommand.class, NewSeedCommand.class, ExportListCommand.class})
public final class RandomizationCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
