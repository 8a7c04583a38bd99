package org.oligotrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every {@code ./oligotrial} example in README.md whose command needs only the domain core (screen, protocol,
 * analyze, design, recist, randomization) runs in-process and exits 0, so the README cannot drift from the program.
 * Files the examples write ({@code --out}, {@code --plot}) go to a temporary folder. The server's commands in the
 * README are run by the server module's tests.
 */
class ReadmeExamplesTest {
  private static final Set<String> CORE_COMMANDS =
      Set.of("screen", "protocol", "analyze", "design", "recist", "randomization");

  static List<List<String>> coreExamples(Path markdown) throws IOException {
    List<List<String>> out = new ArrayList<>();
    boolean inBlock = false;
    for (String line : Files.readAllLines(markdown)) {
      if (line.startsWith("```")) {
        inBlock = !inBlock;
        continue;
      }
      String l = line.strip();
      if (!inBlock || !l.startsWith("./oligotrial ")) {
        continue;
      }
      int comment = l.indexOf(" #");
      List<String> words = List.of((comment < 0 ? l : l.substring(0, comment)).strip().split("\\s+"));
      if (words.size() > 1 && CORE_COMMANDS.contains(words.get(1))) {
        out.add(words.subList(1, words.size()));
      }
    }
    return out;
  }

  @Test
  void everyCoreCommandInTheReadmeRuns(@TempDir Path tmp) throws IOException {
    List<List<String>> examples = coreExamples(Path.of("..", "README.md"));
    assertThat(examples).extracting(e -> e.get(0)).containsAll(CORE_COMMANDS);
    for (List<String> example : examples) {
      String[] args = example.toArray(String[]::new);
      for (int i = 0; i < args.length; i++) {
        if (i > 0 && (args[i - 1].equals("--out") || args[i - 1].equals("--plot"))) {
          args[i] = tmp.resolve(Path.of(args[i]).getFileName()).toString();
        } else if (args[i].startsWith("examples/") || args[i].startsWith("protocols/")) {
          args[i] = "../" + args[i];
        }
      }
      CommandLine cl = OligoTrialCommand.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      int exit = cl.execute(args);
      String shown = String.join(" ", example);
      assertThat(exit).as(shown + "\n" + err).isZero();
      assertThat(out.toString()).as(shown).isNotBlank().doesNotContain("Exception");
    }
  }
}
