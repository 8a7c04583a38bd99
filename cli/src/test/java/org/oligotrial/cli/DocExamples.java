package org.oligotrial.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs every {@code ./oligotrial} command in the bash blocks of a markdown document; where a plain fenced block
 * follows a bash block of one command directly, it must be that command's exact output. A command continues over
 * lines ending in a backslash; paths under {@code examples/} are read from the repository root.
 */
final class DocExamples {
  private DocExamples() {}

  private record Example(List<String> commands, String expected) {}

  /**
   * Runs every example of {@code doc}.
   *
   * @param minExamples at least this many bash blocks (the doc still has its examples)
   * @param minChecked at least this many outputs compared exactly
   */
  static void runAll(Path doc, int minExamples, int minChecked) throws IOException {
    List<Example> examples = examples(Files.readAllLines(doc));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(minExamples);
    int checked = 0;
    for (Example e : examples) {
      for (String command : e.commands()) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = OligoTrialCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args(command));
        assertThat(code).as(command + "\n" + err).isZero();
        if (e.expected() != null) {
          assertThat(out.toString().replace("\r\n", "\n")).as(command).isEqualTo(e.expected());
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(minChecked);
  }

  private static String[] args(String command) {
    List<String> a = new ArrayList<>(Arrays.asList(command.trim().split("\\s+")));
    assertThat(a.remove(0)).isEqualTo("./oligotrial");
    a.replaceAll(s -> s.startsWith("examples/") ? "../" + s : s);
    return a.toArray(new String[0]);
  }

  private static List<Example> examples(List<String> lines) {
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).equals("```bash")) {
        continue;
      }
      List<String> commands = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      int j = i + 1;
      for (; !lines.get(j).equals("```"); j++) {
        String l = lines.get(j);
        boolean more = l.endsWith("\\");
        current.append(more ? l.substring(0, l.length() - 1) : l).append(' ');
        if (!more) {
          if (current.toString().trim().startsWith("./oligotrial")) {
            commands.add(current.toString().trim());
          }
          current.setLength(0);
        }
      }
      String expected = null;
      int k = j + 1;
      while (k < lines.size() && lines.get(k).isBlank()) {
        k++;
      }
      if (commands.size() == 1 && k < lines.size() && lines.get(k).equals("```")) {
        StringBuilder sb = new StringBuilder();
        for (k = k + 1; !lines.get(k).equals("```"); k++) {
          sb.append(lines.get(k)).append('\n');
        }
        expected = sb.toString();
      }
      out.add(new Example(commands, expected));
      i = j;
    }
    return out;
  }
}
