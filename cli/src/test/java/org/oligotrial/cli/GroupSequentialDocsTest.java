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
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Runs every {@code ./oligotrial} command in the bash blocks of docs/group-sequential.md; where a plain fenced block
 * follows a bash block of one command directly, it must be that command's exact output.
 */
class GroupSequentialDocsTest {

  private static final Path DOC = Path.of("../docs/group-sequential.md");

  private record Example(List<String> commands, String expected) {}

  @Test
  void everyCommandRunsAndShownOutputIsExact() throws IOException {
    List<Example> examples = examples(Files.readAllLines(DOC));
    assertThat(examples).hasSizeGreaterThanOrEqualTo(3);
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
    assertThat(checked).isGreaterThanOrEqualTo(2);
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
