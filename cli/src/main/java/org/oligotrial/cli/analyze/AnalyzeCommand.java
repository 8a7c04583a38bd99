package org.oligotrial.cli.analyze;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oligotrial analyze}: survival analyses of a CSV dataset. Without a sub-command it lists them. */
@Command(
    name = "analyze",
    mixinStandardHelpOptions = true,
    description = "Survival analyses of a CSV dataset (time, event, group columns).",
    commandListHeading = "%nAnalyses:%n",
    subcommands = {
      // one line per analysis
      KmCommand.class,
      LogRankCommand.class,
      RmstCommand.class,
      CoxCommand.class,
    })
public final class AnalyzeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
