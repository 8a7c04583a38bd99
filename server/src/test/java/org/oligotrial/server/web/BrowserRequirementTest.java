package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A missing browser fails the browser tests with the sentence that says what to install; it never skips them. */
class BrowserRequirementTest {

  @Test
  void aMissingProgramIsNamedWithTheCommandThatInstallsIt(@TempDir Path dir) throws Exception {
    Path chromium = Files.createFile(dir.resolve("chromium"));
    chromium.toFile().setExecutable(true);
    Path driver = dir.resolve("chromedriver");
    assertThatThrownBy(() -> Browser.requireInstalled(chromium, driver))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("browser tests need Debian's Chromium and chromedriver, and " + driver + " is missing: install"
            + " them with 'apt-get install chromium chromium-driver' as root, or run the tests with ./test, which does"
            + " so");
  }

  @Test
  void bothMissingAreBothNamed(@TempDir Path dir) {
    assertThatThrownBy(() -> Browser.requireInstalled(dir.resolve("chromium"), dir.resolve("chromedriver")))
        .hasMessageContaining(dir.resolve("chromium") + " and " + dir.resolve("chromedriver") + " are missing");
  }

  @Test
  void aFileThatIsNotExecutableCountsAsMissing(@TempDir Path dir) throws Exception {
    Path chromium = Files.createFile(dir.resolve("chromium"));
    chromium.toFile().setExecutable(false);
    assertThatThrownBy(() -> Browser.requireInstalled(chromium)).hasMessageContaining(chromium + " is missing");
  }

  @Test
  void installedProgramsPass(@TempDir Path dir) throws Exception {
    Path chromium = Files.createFile(dir.resolve("chromium"));
    chromium.toFile().setExecutable(true);
    assertThatCode(() -> Browser.requireInstalled(chromium)).doesNotThrowAnyException();
  }
}
