package org.oligotrial.server.crash;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.database.DatabaseUrl;

/** The crash test on the default database: H2 in file mode with {@code WRITE_DELAY=0}. */
class CrashRecoveryOnH2Test extends CrashRecoveryContract {
  @TempDir Path dir;

  @Override
  String url() {
    return DatabaseUrl.h2File(dir.resolve("crash"));
  }
}
