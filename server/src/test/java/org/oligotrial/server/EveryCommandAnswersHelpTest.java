package org.oligotrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and sub-command of the launcher answers {@code --help} with its usage and exit code 0: the tree is
 * walked from {@link Main#commandLine()}, so a command added later is covered without naming it here.
 */
class EveryCommandAnswersHelpTest {

  @Test
  void everyCommandAndSubCommandAnswersHelp() {
    List<List<String>> paths = new ArrayList<>();
    walk(Main.commandLine(), new ArrayList<>(), paths);
    assertThat(paths).as("the tree has the core and the server commands").hasSizeGreaterThan(20);
    List<String> failing = new ArrayList<>();
    for (List<String> path : paths) {
      CommandLine cl = Main.commandLine();
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cl.setOut(new PrintWriter(out, true));
      cl.setErr(new PrintWriter(err, true));
      List<String> args = new ArrayList<>(path);
      args.add("--help");
      int code = cl.execute(args.toArray(String[]::new));
      if (code != 0 || !out.toString().contains("Usage:")) {
        failing.add(path + " exit " + code + ": " + err.toString().lines().findFirst().orElse(""));
      }
    }
    assertThat(failing).as("commands that do not answer --help").isEmpty();
  }

  private static void walk(CommandLine cl, List<String> path, List<List<String>> paths) {
    paths.add(List.copyOf(path));
    for (var e : cl.getSubcommands().entrySet()) {
      if (!e.getValue().getCommandName().equals(e.getKey())) {
        continue; // an alias of a sub-command already walked
      }
      List<String> next = new ArrayList<>(path);
      next.add(e.getKey());
      walk(e.getValue(), next, paths);
    }
  }
}
