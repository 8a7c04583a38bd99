package org.oligotrial.server;

import static org.oligotrial.server.testing.CommandRun.withStdin;
import org.oligotrial.server.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.database.DatabaseUrl;
import org.oligotrial.server.register.UsersCommandAccess;
import picocli.CommandLine;

/** The operator commands, run as a shell user would, on an H2 file database in a temporary directory. */
class OperatorCommandsTest {
  @TempDir Path dir;

  @Test
  void anOperatorSetsUpSitesAndUsersAndVerifiesTheAuditTrail() {
    String db = DatabaseUrl.h2File(dir.resolve("ops"));
    assertThat(withStdin("", "sites", "add", "--db", db, "--code", "GZ01", "--name", "Nanfang Hospital").out())
        .contains("added site GZ01");
    CommandRun add = withStdin("a sufficiently long secret\n", "users", "add", "--db", db, "--username", "li.wei", "--role",
        "coordinator", "--site", "GZ01", "--password-stdin");
    assertThat(add.exit()).isZero();
    assertThat(add.out()).contains("added user li.wei (coordinator, sites GZ01)");
    assertThat(withStdin("", "users", "list", "--db", db).out()).contains("li.wei\tcoordinator\tGZ01");
    CommandRun verify = withStdin("", "audit", "verify", "--db", db);
    assertThat(verify.exit()).isZero();
    assertThat(verify.out()).contains("audit trail intact");
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    String db = DatabaseUrl.h2File(dir.resolve("bad"));
    CommandRun r = withStdin("short\n", "users", "add", "--db", db, "--username", "x", "--role", "monitor", "--site", "NOPE",
        "--password-stdin");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: password: must be at least 12 characters");
    CommandRun role = withStdin("long enough password\n", "users", "add", "--db", db, "--username", "x", "--role", "king",
        "--password-stdin");
    assertThat(role.exit()).isEqualTo(2);
    assertThat(role.err()).contains("--role must be one of");
    assertThat(withStdin("", "sites", "add", "--db", "jdbc:mysql://x", "--code", "A", "--name", "n").exit()).isEqualTo(2);
  }

  @Test
  void aPasswordOverBcryptsSeventyTwoBytesIsRefusedNamingTheFieldAndTheNameIsPrinted() {
    String db = DatabaseUrl.h2File(dir.resolve("long"));
    withStdin("", "sites", "add", "--db", db, "--code", "GZ01", "--name", "Nanfang Hospital");
    // 25 x U+4E2D = 75 bytes of UTF-8 but only 25 characters
    CommandRun r = withStdin("\u4e2d".repeat(25) + "\n", "users", "add", "--db", db, "--username", "li.wei", "--role",
        "investigator", "--site", "GZ01", "--password-stdin");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: password: must be at most 72 bytes in UTF-8").doesNotContain("Exception");
    CommandRun ok = withStdin("\u4e2d".repeat(24) + "\n", "users", "add", "--db", db, "--username", "li.wei", "--role",
        "investigator", "--site", "GZ01", "--name", "Li Wei", "--password-stdin");
    assertThat(ok.exit()).isZero();
    CommandRun reset = withStdin("", "users", "reset-second-factor", "--db", db, "--username", "li.wei", "--reason", "phone lost");
    assertThat(reset.exit()).isZero();
    assertThat(reset.out()).contains("li.wei has no second factor");
  }

  @Test
  void aSiteGetsItsTimeZoneWhenAddedAndLaterAndABadZoneIsOneLineExitTwo() {
    String db = DatabaseUrl.h2File(dir.resolve("zones"));
    assertThat(withStdin("", "sites", "add", "--db", db, "--code", "SH01", "--name", "Shanghai Chest Hospital",
        "--time-zone", "Asia/Shanghai").out()).contains("added site SH01 (Shanghai Chest Hospital, time zone"
        + " Asia/Shanghai)");
    assertThat(withStdin("", "sites", "add", "--db", db, "--code", "GZ01", "--name", "Nanfang Hospital").out())
        .contains("time zone UTC");
    CommandRun bad = withStdin("", "sites", "add", "--db", db, "--code", "X1", "--name", "X", "--time-zone", "Asia/Shanghia");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: --time-zone (timeZone): 'Asia/Shanghia' is not a known IANA time zone")
        .doesNotContain("Exception");
    CommandRun offset = withStdin("", "sites", "set-time-zone", "--db", db, "--code", "GZ01", "--time-zone", "+08:00", "--reason",
        "r");
    assertThat(offset.exit()).isEqualTo(2);
    assertThat(offset.err()).startsWith("error: --time-zone (timeZone): '+08:00' is not a known IANA time zone");
    CommandRun none = withStdin("", "sites", "set-time-zone", "--db", db, "--code", "NOPE", "--time-zone", "UTC", "--reason", "r");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no site NOPE").doesNotContain("Exception");
    CommandRun set = withStdin("", "sites", "set-time-zone", "--db", db, "--code", "gz01", "--time-zone", "Asia/Shanghai",
        "--reason", "the site is in Guangzhou");
    assertThat(set.exit()).isZero();
    assertThat(set.out()).contains("site GZ01 is in time zone Asia/Shanghai");
    assertThat(withStdin("", "sites", "list", "--db", db).out()).contains("GZ01\tNanfang Hospital\tAsia/Shanghai")
        .contains("SH01\tShanghai Chest Hospital\tAsia/Shanghai");
    assertThat(withStdin("", "audit", "verify", "--db", db).exit()).isZero();
  }

  @Test
  void everySitesSubcommandAnswersHelp() {
    for (String sub : new String[] {"add", "list", "set-time-zone"}) {
      CommandRun help = withStdin("", "sites", sub, "--help");
      assertThat(help.exit()).as(sub).isZero();
      assertThat(help.out()).as(sub).contains("Usage:");
    }
    assertThat(withStdin("", "sites", "add", "--help").out()).contains("--time-zone").contains("Asia/Shanghai");
    assertThat(withStdin("", "sites", "set-time-zone", "--help").out()).contains("--time-zone").contains("--reason");
    assertThat(withStdin("", "sites", "--help").out()).contains("set-time-zone");
  }

  @Test
  void everyUsersSubcommandAnswersHelp() {
    for (String sub : new String[] {"add", "list", "reset-second-factor"}) {
      CommandRun help = withStdin("", "users", sub, "--help");
      assertThat(help.exit()).as(sub).isZero();
      assertThat(help.out()).as(sub).contains("Usage:");
    }
    assertThat(withStdin("", "users", "add", "--help").out()).contains("--name").contains("72 bytes");
    assertThat(withStdin("", "users", "reset-second-factor", "--help").out()).contains("--reason");
  }

  @Test
  void verifyExitsOneAndNamesTheRowWhenAnAuditRowWasEdited() throws Exception {
    String db = DatabaseUrl.h2File(dir.resolve("tampered"));
    withStdin("", "sites", "add", "--db", db, "--code", "A", "--name", "Site A");
    withStdin("", "sites", "add", "--db", db, "--code", "B", "--name", "Site B");
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER audit_event_no_update");
      s.execute("UPDATE audit_event SET new_value = 'Forged' WHERE seq = 1");
    }
    CommandRun verify = withStdin("", "audit", "verify", "--db", db);
    assertThat(verify.exit()).isEqualTo(1);
    assertThat(verify.out()).contains("audit trail BROKEN").contains("row 1: content does not match its hash");
  }
}
