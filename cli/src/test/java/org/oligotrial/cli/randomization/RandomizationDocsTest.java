package org.oligotrial.cli.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every {@code $ ./oligotrial randomization simulate ...} example in docs/randomization.md prints what it shows. */
class RandomizationDocsTest {

  private static final Path DOC = Path.of("..", "docs", "randomization.md");

  record Example(String command, String output) {}

  static List<Example> examples() throws Exception {
    List<Example> out = new ArrayList<>();
    String[] lines = Files.readString(DOC).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].startsWith("$ ./oligotrial randomization simulate")) {
        StringBuilder expected = new StringBuilder();
        int j = i + 1;
        while (!lines[j].equals("```")) {
          expected.append(lines[j]).append('\n');
          j++;
        }
        out.add(new Example(lines[i].substring("$ ./oligotrial ".length()), expected.toString()));
        i = j;
      }
    }
    return out;
  }

  @Test
  void everySimulationExampleInTheDocsPrintsExactlyWhatItShows() throws Exception {
    List<Example> examples = examples();
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    for (Example e : examples) {
      // the examples run from the repository root; the test runs in the cli module
      RandomizationCommandTest.Run r = RandomizationCommandTest.run(
          e.command().replace(" protocols/", " ../protocols/").split(" +"));
      assertThat(r.exit()).as(e.command() + ": " + r.err()).isZero();
      assertThat(r.out().replace(System.lineSeparator(), "\n")).as(e.command()).isEqualTo(e.output());
    }
  }
}
