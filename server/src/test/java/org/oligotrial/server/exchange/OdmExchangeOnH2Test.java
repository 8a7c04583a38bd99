package org.oligotrial.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.testing.CommandRun;
import org.oligotrial.server.testing.TestRegisters;

/** The ODM exchange on embedded H2. */
class OdmExchangeOnH2Test extends OdmExchangeContract {
  @Override
  String openDatabase() {
    return TestRegisters.freshH2Url();
  }

  @Override
  void closeDatabase() {}

  /**
   * Into an empty database without the trial's site the file is refused before anything is written: the
   * participants would be created at site A, which that database does not have (creating them where the sites exist
   * is {@code OdmImportIntoEmptyDatabaseTest}).
   */
  @Test
  @Order(5)
  void importIntoADatabaseWithoutTheSiteIsRefused(@TempDir Path dir) {
    Path f = dir.resolve("trial.xml");
    assertThat(CommandRun.run("export", "odm", "--db", url, "--out", f.toString()).exit()).isZero();
    String empty = TestRegisters.freshH2Url();
    try (HikariDataSource other = TestRegisters.migrated(empty, 2)) {
      CommandRun r = CommandRun.run("import", "odm", f.toString(), "--db", empty);
      assertThat(r.exit()).as(r.out()).isEqualTo(2);
      assertThat(r.err()).contains("refused: subject ").contains("site A (LocationOID LOC.A) does not take part");
      assertThat(TestRegisters.on(other).participants().list(TestRegisters.admin(), null, null, 0, 10).total())
          .isZero();
    }
  }
}
