package org.oligotrial.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;

class AnalyzeCommandTest {

  @Test
  void analyzeIsRegisteredAndListsItsAnalyses() {
    CommandLine cl = OligoTrialCommand.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute("analyze")).isZero();
    assertThat(out.toString()).contains("analyze");
  }

  @Test
  void theLaunchersAnalyzeOnlyCommandLineAnswersAsTheFullOne() {
    String[][] cases = {
      {"analyze"},
      {"analyze", "km", "--help"},
      {"analyze", "logrank", "--data", "../examples/survival/pfs.csv", "--time", "pfs_months", "--event",
          "progressed", "--group", "arm"},
      {"analyze", "cox", "--data", "no-such.csv", "--time", "t", "--event", "e", "--covariates", "x"},
    };
    for (String[] args : cases) {
      assertThat(run(OligoTrialCommand.analyzeCommandLine(), args))
          .as(String.join(" ", args))
          .isEqualTo(run(OligoTrialCommand.commandLine(), args));
    }
  }

  private static String run(CommandLine cl, String[] args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return code + "\n" + out + "\n" + err;
  }
}
