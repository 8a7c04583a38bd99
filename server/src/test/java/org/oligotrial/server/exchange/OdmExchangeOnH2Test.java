package org.oligotrial.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
   * Into an empty database of the same trial nothing applies: the participants are not there (they enter by
   * screening and randomization), and the import says so for each instead of creating them.
   */
  @Test
  @Order(5)
  void importIntoAnEmptyDatabaseReportsEveryParticipantNotApplied(@TempDir Path dir) {
    Path f = dir.resolve("trial.xml");
    assertThat(run("export", "odm", "--db", url, "--out", f.toString()).code()).isZero();
    String empty = TestRegisters.freshH2Url();
    try (HikariDataSource other = TestRegisters.migrated(empty, 2)) {
      Run dry = run("import", "odm", f.toString(), "--dry-run", "--db", empty);
      assertThat(dry.code()).as(dry.err()).isZero();
      assertThat(dry.out()).contains("2 subjects").contains(subjects.get(0) + " (new)");
      Run r = run("import", "odm", f.toString(), "--db", empty);
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).contains("applied: 0 forms updated, 0 entered");
      assertThat(r.err()).contains("not applied: subject " + subjects.get(0) + ": not in the database")
          .contains("not applied: subject " + subjects.get(1) + ": not in the database");
    }
  }
}
