package org.oligotrial.cli.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.OligoTrialCommand;
import org.oligotrial.protocol.ProtocolLoader;
import picocli.CommandLine;

/** {@code protocol check} checks the interim-analysis plan of the trial's protocol file. */
class ProtocolInterimAnalysisCheckTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = OligoTrialCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private static String bundled() throws IOException {
    try (InputStream in = ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theTrialsPlanPasses(@TempDir Path dir) throws IOException {
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, bundled());
    assertThat(run("protocol", "check", p.toString())).isZero();
  }

  @Test
  void looksOutOfOrderAndAnUnknownSpendingAreNamed(@TempDir Path dir) throws IOException {
    String yaml = bundled();
    assertThat(yaml).contains("looks: [61, 122]").contains("spending: of\n");
    Path p = dir.resolve("p.yaml");
    Files.writeString(p, yaml.replace("looks: [61, 122]", "looks: [122, 61]").replace("spending: of\n",
        "spending: obrien\n"));
    assertThat(run("protocol", "check", p.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("interimAnalysis.looks[1]: look events must increase")
        .contains("interimAnalysis.spending: unknown spending 'obrien'");
  }
}
