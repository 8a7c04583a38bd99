package org.oligotrial.cli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ./oligotrial screen} and {@code ./oligotrial protocol} command in README.md and docs/eligibility.md
 * runs and exits 0, so the documentation cannot drift from the program.
 */
class DocumentedExamplesTest {

  static List<String> commands(Path markdown) throws IOException {
    List<String> out = new ArrayList<>();
    boolean inBash = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("```")) {
        inBash = !inBash && line.startsWith("```bash");
        continue;
      }
      String l = line.strip();
      if (inBash && (l.startsWith("./oligotrial screen") || l.startsWith("./oligotrial protocol"))) {
        out.add(l.substring("./oligotrial ".length()));
      }
    }
    return out;
  }

  private static void runAll(Path markdown, Path tmp) throws IOException {
    List<String> commands = commands(markdown);
    for (String command : commands) {
      String[] args = command.split("\\s+");
      for (int i = 0; i + 1 < args.length; i++) {
        if (args[i].equals("--out")) {
          args[i + 1] = tmp.resolve(Path.of(args[i + 1]).getFileName()).toString();
        }
      }
      Cli r = Cli.run(args);
      assertThat(r.exit()).as(command + "\n" + r.err()).isZero();
      assertThat(r.out() + r.err()).as(command).isNotBlank().doesNotContain("Exception");
    }
  }

  @Test
  void everyEligibilityDocExampleRuns(@TempDir Path tmp) throws IOException {
    Path doc = Path.of("..", "docs", "eligibility.md");
    assertThat(commands(doc)).hasSizeGreaterThanOrEqualTo(6);
    runAll(doc, tmp);
  }

  @Test
  void readmeScreeningExamplesRun(@TempDir Path tmp) throws IOException {
    Path readme = Path.of("..", "README.md");
    assertThat(commands(readme)).contains("screen examples/screening/eligible.json");
    runAll(readme, tmp);
  }

  @Test
  void readmeMainJobReportsEligible() {
    Cli r = Cli.run("screen", "examples/screening/eligible.json");
    assertThat(r.exit()).isZero();
    assertThat(Arrays.asList(r.out().split("\n"))).anyMatch(l -> l.startsWith("Verdict: ELIGIBLE"));
  }
}
