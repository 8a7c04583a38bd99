package org.oligotrial.server;

import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;

/**
 * The launcher's entry point: every core command plus the server's own commands. Only the server commands start
 * Spring, so {@code oligotrial screen} stays quick.
 */
public final class Main {
  private Main() {}

  /** The full command line: core commands and server commands. */
  public static CommandLine commandLine() {
    CommandLine cl = OligoTrialCommand.commandLine();
    // server sub-commands are added here, one line each
    cl.addSubcommand(new org.oligotrial.server.serve.ServeCommand());
    cl.addSubcommand(new org.oligotrial.server.register.SitesCommand());
    cl.addSubcommand(new org.oligotrial.server.register.UsersCommand());
    cl.addSubcommand(new org.oligotrial.server.register.TrialsCommand());
    cl.addSubcommand(new org.oligotrial.server.register.AuditCommand(StateReplays::of));
    cl.addSubcommand(new org.oligotrial.server.datacapture.endpoints.ExportCommand());
    cl.addSubcommand(new org.oligotrial.server.loadtest.LoadTestCommand());
    org.oligotrial.server.exchange.ExchangeCommands.addTo(cl);
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
