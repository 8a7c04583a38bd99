package org.oligotrial.cli.design;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oligotrial design}: trial design calculations. Without a sub-command it lists them. */
@Command(
    name = "design",
    mixinStandardHelpOptions = true,
    description = "Trial design calculations (sample size of a log-rank comparison, group-sequential designs).",
    commandListHeading = "%nCalculations:%n",
    subcommands = {
      // one line per calculation
      SampleSizeCommand.class,
      GroupSequentialCommand.class,
    })
public final class DesignCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
