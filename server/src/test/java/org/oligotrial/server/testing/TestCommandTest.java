package org.oligotrial.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The README's test command, {@code ./test}, and its helper answer {@code --help} without building or installing
 * anything, and the README and {@code .ci/run} name that same command, so the three cannot drift apart.
 */
class TestCommandTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void theTestCommandAnswersHelp() throws Exception {
    Result r = run("./test", "--help");
    assertThat(r.exit).as(r.output).isZero();
    assertThat(r.output).startsWith("Usage: ./test [MAVEN-ARGUMENT...]")
        .contains("mvn -B verify", "apt-get install chromium chromium-driver", "OLIGOTRIAL_PG_URL")
        .doesNotContain("[test] running");
  }

  @Test
  void theInstallHelperAnswersHelpAndRefusesNoPackage() throws Exception {
    Result help = run(".ci/apt-install", "--help");
    assertThat(help.exit).isZero();
    assertThat(help.output).startsWith("Usage: .ci/apt-install PACKAGE...");
    Result none = run(".ci/apt-install");
    assertThat(none.exit).isEqualTo(1);
    assertThat(none.output).startsWith("Usage: .ci/apt-install PACKAGE...");
  }

  @Test
  void theReadmeAndCiRunTheSameCommand() throws IOException {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme).contains("Run every test:\n\n```bash\n./test\n```");
    // .ci/run runs the README's command, then the Spark module's tests (profile spark, not in ./test)
    String ci = Files.readString(ROOT.resolve(".ci/run"));
    assertThat(ci).containsPattern("(?m)^\\./test$");
    assertThat(ci.indexOf("\n./test\n")).isLessThan(ci.indexOf("-Pspark -pl spark"));
  }

  private record Result(int exit, String output) {
  }

  private static Result run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), out);
  }
}
