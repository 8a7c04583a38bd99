package org.oligotrial.cli.recist;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code oligotrial recist}: groups the RECIST 1.1 commands. */
@Command(
    name = "recist",
    mixinStandardHelpOptions = true,
    description = "RECIST 1.1 tumour response (Eisenhauer et al. 2009).",
    subcommands = {RecistEvaluateCommand.class})
public final class RecistCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }
}
