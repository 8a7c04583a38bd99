package org.oligotrial.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code oligotrial} command. With no sub-command it prints the list of commands.
 *
 * <p>Sub-commands that need only the domain core are registered in {@link #commandLine()}; the server module adds
 * its own (serve, users, sites, audit, export) before running.
 */
@Command(
    name = "oligotrial",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "OligoTrial runs the randomized trial NCT03119519 end to end.",
    commandListHeading = "%nCommands:%n")
public final class OligoTrialCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 0;
  }

  /** The command line with every core sub-command, ready for more to be added and then executed. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new OligoTrialCommand());
    // core sub-commands are added here, one line each
    cl.addSubcommand(new org.oligotrial.cli.analyze.AnalyzeCommand());
    cl.addSubcommand(new org.oligotrial.cli.design.DesignCommand());
    cl.addSubcommand(new org.oligotrial.cli.recist.RecistCommand());
    cl.addSubcommand(new org.oligotrial.cli.eligibility.ScreenCommand());
    cl.addSubcommand(new org.oligotrial.cli.eligibility.ProtocolCommand());
    cl.addSubcommand(new org.oligotrial.cli.randomization.RandomizationCommand());
    cl.addSubcommand(new org.oligotrial.cli.cdisc.CdiscCommand());
    cl.setExecutionExceptionHandler(new FriendlyErrors());
    return cl;
  }

  /**
   * The command line with only {@code analyze} under {@code oligotrial}: what the launcher runs for
   * {@code oligotrial analyze ...}, a short process that need not set up the other commands (picocli builds every
   * command's model at start). Its output and exit codes are those of the full command line.
   */
  public static CommandLine analyzeCommandLine() {
    CommandLine cl = new CommandLine(new OligoTrialCommand());
    cl.addSubcommand(new org.oligotrial.cli.analyze.AnalyzeCommand());
    cl.setExecutionExceptionHandler(new FriendlyErrors());
    return cl;
  }

  /** Entry point when only the core commands are wanted (tests and the benchmark jar). */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** Entry point of the launcher for {@code oligotrial analyze ...}; see {@link #analyzeCommandLine()}. */
  public static final class Analyze {
    private Analyze() {}

    public static void main(String[] args) {
      System.exit(analyzeCommandLine().execute(args));
    }
  }
}
