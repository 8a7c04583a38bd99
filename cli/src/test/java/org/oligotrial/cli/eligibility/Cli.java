package org.oligotrial.cli.eligibility;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;

/** Runs the command line in-process from the repository root, capturing exit code, stdout and stderr. */
record Cli(int exit, String out, String err) {
  static Cli run(String... args) {
    CommandLine cl = OligoTrialCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] rooted = args.clone();
    for (int i = 0; i < rooted.length; i++) {
      if (rooted[i].startsWith("examples/") || rooted[i].startsWith("protocols/") || rooted[i].startsWith("docs/")) {
        rooted[i] = "../" + rooted[i];
      }
    }
    int exit = cl.execute(rooted);
    return new Cli(exit, out.toString(), err.toString());
  }
}
