package org.oligotrial.server;

import static org.oligotrial.server.testing.CommandRun.run;
import org.oligotrial.server.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.database.DatabaseUrl;
import picocli.CommandLine;

/**
 * {@code oligotrial trials release-results --trial ID --reason TEXT} as an operator runs it: it answers --help; a
 * release needs a reason and a trial the server holds; it is written once, audited with its reason, and a second
 * release is refused naming the first; the row cannot be changed nor removed in the database (V89).
 */
class ReleaseResultsCommandTest {
  @TempDir Path dir;

  @Test
  void answersHelp() {
    CommandRun help = run("trials", "release-results", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("Usage: oligotrial trials release-results", "--trial", "--reason",
        "Irreversible");
    assertThat(run("trials", "--help").out()).contains("release-results");
  }

  @Test
  void releasesOnceWithAReasonAuditedAndIrreversible() throws Exception {
    String db = DatabaseUrl.h2File(dir.resolve("release"));
    CommandRun missing = run("trials", "release-results", "--db", db, "--trial", "NCT03119519");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--reason=<reason>'");
    CommandRun blank = run("trials", "release-results", "--db", db, "--trial", "NCT03119519", "--reason", "   ");
    assertThat(blank.exit()).isEqualTo(2);
    assertThat(blank.err()).startsWith("error: reason: is required");
    CommandRun unknown = run("trials", "release-results", "--db", db, "--trial", "NCT00000000", "--reason", "x");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("error: no trial NCT00000000");

    CommandRun release = run("trials", "release-results", "--db", db, "--trial", "NCT03119519", "--reason",
        "DSMB recommendation after the final look");
    assertThat(release.exit()).as(release.err()).isZero();
    assertThat(release.out()).startsWith("released the comparative results of trial NCT03119519 at ")
        .contains(" by cli:");

    CommandRun again = run("trials", "release-results", "--db", db, "--trial", "NCT03119519", "--reason", "again");
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).startsWith("error: trial: the comparative results of NCT03119519 were released"
        + " already on ").contains(" by cli:").contains("a release is irreversible and is not repeated");

    // the audit chain holds the release with its reason, and verifies
    assertThat(run("audit", "verify", "--db", db).exit()).isZero();
    try (var ds = org.oligotrial.server.database.Databases.open(db, 1);
        Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM results_release")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      assertThatThrownBy(() -> s.executeUpdate("UPDATE results_release SET reason = 'changed'"))
          .isInstanceOf(SQLException.class).hasMessageContaining("results_release is immutable");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM results_release"))
          .isInstanceOf(SQLException.class).hasMessageContaining("results_release is immutable");
    }
  }
}
