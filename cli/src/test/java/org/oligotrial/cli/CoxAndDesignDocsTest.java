package org.oligotrial.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs every {@code ./oligotrial} command in the bash blocks of docs/cox-and-design.md; where a plain fenced block
 * follows a bash block of one command directly, it must be that command's exact output.
 */
class CoxAndDesignDocsTest {
  @Test
  void everyCommandRunsAndShownOutputIsExact() throws IOException {
    DocExamples.runAll(Path.of("../docs/cox-and-design.md"), 4, 2);
  }
}
