package org.oligotrial.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every {@code ./oligotrial analyze km|logrank|rmst} example of docs/survival.md and checks that the output
 * starts with the text block shown after it, so that the documentation cannot drift.
 */
class SurvivalDocsTest {

  @TempDir Path dir;

  record Example(String command, String expected) {}

  static List<Example> examples(String doc) {
    List<Example> out = new ArrayList<>();
    String[] lines = doc.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].equals("```bash")) {
        continue;
      }
      String cmd = lines[i + 1];
      if (!cmd.matches("\\./oligotrial analyze (km|logrank|rmst) .*")) {
        continue;
      }
      int j = i + 2;
      while (!lines[j].equals("```")) {
        j++;
      }
      int k = j + 1;
      while (k < lines.length && lines[k].isBlank()) {
        k++;
      }
      String expected = null;
      if (k < lines.length && lines[k].equals("```text")) {
        StringBuilder sb = new StringBuilder();
        for (int m = k + 1; !lines[m].equals("```"); m++) {
          sb.append(lines[m]).append('\n');
        }
        expected = sb.toString();
      }
      out.add(new Example(cmd, expected));
    }
    return out;
  }

  /** Splits a shell command line at blanks, honouring double quotes. */
  static List<String> words(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          out.add(w.toString());
          w.setLength(0);
          any = false;
        }
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      out.add(w.toString());
    }
    return out;
  }

  @Test
  void everyExampleRunsAndPrintsWhatTheDocShows() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "survival.md"));
    List<Example> examples = examples(doc);
    assertThat(examples).hasSizeGreaterThanOrEqualTo(4);
    for (Example e : examples) {
      List<String> args = new ArrayList<>(words(e.command()).subList(1, words(e.command()).size()));
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).startsWith("examples/")) {
          args.set(i, "../" + args.get(i));
        }
        if (args.get(i).equals("--plot")) {
          args.set(i + 1, dir.resolve(args.get(i + 1)).toString());
        }
      }
      SurvivalCommandsTest.Run r = SurvivalCommandsTest.run(args.toArray(String[]::new));
      assertThat(r.exit()).as(e.command() + "\n" + r.err()).isZero();
      if (e.expected() != null) {
        assertThat(r.out().replace("\r\n", "\n")).as(e.command()).startsWith(e.expected());
      }
      if (args.contains("--plot")) {
        assertThat(dir.resolve("km-pfs.png")).exists();
      }
    }
  }
}
