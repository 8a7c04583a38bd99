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
}
