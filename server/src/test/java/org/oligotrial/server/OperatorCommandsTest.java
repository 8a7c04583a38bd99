package org.oligotrial.server;

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

  record Run(int exit, String out, String err) {}

  Run run(String stdin, String... args) {
    UsersCommandAccess.setStdin(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void anOperatorSetsUpSitesAndUsersAndVerifiesTheAuditTrail() {
    String db = DatabaseUrl.h2File(dir.resolve("ops"));
    assertThat(run("", "sites", "add", "--db", db, "--code", "GZ01", "--name", "Nanfang Hospital").out())
        .contains("added site GZ01");
    Run add = run("a sufficiently long secret\n", "users", "add", "--db", db, "--username", "li.wei", "--role",
        "coordinator", "--site", "GZ01", "--password-stdin");
    assertThat(add.exit()).isZero();
    assertThat(add.out()).contains("added user li.wei (coordinator, sites GZ01)");
    assertThat(run("", "users", "list", "--db", db).out()).contains("li.wei\tcoordinator\tGZ01");
    Run verify = run("", "audit", "verify", "--db", db);
    assertThat(verify.exit()).isZero();
    assertThat(verify.out()).contains("audit trail intact");
  }

  @Test
  void badInputIsOneLineAndExitCodeTwo() {
    String db = DatabaseUrl.h2File(dir.resolve("bad"));
    Run r = run("short\n", "users", "add", "--db", db, "--username", "x", "--role", "monitor", "--site", "NOPE",
        "--password-stdin");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: password: must be at least 12 characters");
    Run role = run("long enough password\n", "users", "add", "--db", db, "--username", "x", "--role", "king",
        "--password-stdin");
    assertThat(role.exit()).isEqualTo(2);
    assertThat(role.err()).contains("--role must be one of");
    assertThat(run("", "sites", "add", "--db", "jdbc:mysql://x", "--code", "A", "--name", "n").exit()).isEqualTo(2);
  }

  @Test
  void aPasswordOverBcryptsSeventyTwoBytesIsRefusedNamingTheFieldAndTheNameIsPrinted() {
    String db = DatabaseUrl.h2File(dir.resolve("long"));
    run("", "sites", "add", "--db", db, "--code", "GZ01", "--name", "Nanfang Hospital");
    // 25 x U+4E2D = 75 bytes of UTF-8 but only 25 characters
    Run r = run("\u4e2d".repeat(25) + "\n", "users", "add", "--db", db, "--username", "li.wei", "--role",
        "investigator", "--site", "GZ01", "--password-stdin");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("error: password: must be at most 72 bytes in UTF-8").doesNotContain("Exception");
    Run ok = run("\u4e2d".repeat(24) + "\n", "users", "add", "--db", db, "--username", "li.wei", "--role",
        "investigator", "--site", "GZ01", "--name", "Li Wei", "--password-stdin");
    assertThat(ok.exit()).isZero();
    Run reset = run("", "users", "reset-second-factor", "--db", db, "--username", "li.wei", "--reason", "phone lost");
    assertThat(reset.exit()).isZero();
    assertThat(reset.out()).contains("li.wei has no second factor");
  }

  @Test
  void aSiteGetsItsTimeZoneWhenAddedAndLaterAndABadZoneIsOneLineExitTwo() {
    String db = DatabaseUrl.h2File(dir.resolve("zones"));
    assertThat(run("", "sites", "add", "--db", db, "--code", "SH01", "--name", "Shanghai Chest Hospital",
        "--time-zone", "Asia/Shanghai").out()).contains("added site SH01 (Shanghai Chest Hospital, time zone"
        + " Asia/Shanghai)");
    assertThat(run("", "sites", "add", "--db", db, "--code", "GZ01", "--name", "Nanfang Hospital").out())
        .contains("time zone UTC");
    Run bad = run("", "sites", "add", "--db", db, "--code", "X1", "--name", "X", "--time-zone", "Asia/Shanghia");
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: --time-zone (timeZone): 'Asia/Shanghia' is not a known IANA time zone")
        .doesNotContain("Exception");
    Run offset = run("", "sites", "set-time-zone", "--db", db, "--code", "GZ01", "--time-zone", "+08:00", "--reason",
        "r");
    assertThat(offset.exit()).isEqualTo(2);
    assertThat(offset.err()).startsWith("error: --time-zone (timeZone): '+08:00' is not a known IANA time zone");
    Run none = run("", "sites", "set-time-zone", "--db", db, "--code", "NOPE", "--time-zone", "UTC", "--reason", "r");
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("no site NOPE").doesNotContain("Exception");
    Run set = run("", "sites", "set-time-zone", "--db", db, "--code", "gz01", "--time-zone", "Asia/Shanghai",
        "--reason", "the site is in Guangzhou");
    assertThat(set.exit()).isZero();
    assertThat(set.out()).contains("site GZ01 is in time zone Asia/Shanghai");
    assertThat(run("", "sites", "list", "--db", db).out()).contains("GZ01\tNanfang Hospital\tAsia/Shanghai")
        .contains("SH01\tShanghai Chest Hospital\tAsia/Shanghai");
    assertThat(run("", "audit", "verify", "--db", db).exit()).isZero();
  }

  @Test
  void everySitesSubcommandAnswersHelp() {
    for (String sub : new String[] {"add", "list", "set-time-zone"}) {
      Run help = run("", "sites", sub, "--help");
      assertThat(help.exit()).as(sub).isZero();
      assertThat(help.out()).as(sub).contains("Usage:");
    }
    assertThat(run("", "sites", "add", "--help").out()).contains("--time-zone").contains("Asia/Shanghai");
    assertThat(run("", "sites", "set-time-zone", "--help").out()).contains("--time-zone").contains("--reason");
    assertThat(run("", "sites", "--help").out()).contains("set-time-zone");
  }

  @Test
  void everyUsersSubcommandAnswersHelp() {
    for (String sub : new String[] {"add", "list", "reset-second-factor"}) {
      Run help = run("", "users", sub, "--help");
      assertThat(help.exit()).as(sub).isZero();
      assertThat(help.out()).as(sub).contains("Usage:");
    }
    assertThat(run("", "users", "add", "--help").out()).contains("--name").contains("72 bytes");
    assertThat(run("", "users", "reset-second-factor", "--help").out()).contains("--reason");
  }

  @Test
  void verifyExitsOneAndNamesTheRowWhenAnAuditRowWasEdited() throws Exception {
    String db = DatabaseUrl.h2File(dir.resolve("tampered"));
    run("", "sites", "add", "--db", db, "--code", "A", "--name", "Site A");
    run("", "sites", "add", "--db", db, "--code", "B", "--name", "Site B");
    try (Connection c = DriverManager.getConnection(db); Statement s = c.createStatement()) {
      s.execute("DROP TRIGGER audit_event_no_update");
      s.execute("UPDATE audit_event SET new_value = 'Forged' WHERE seq = 1");
    }
    Run verify = run("", "audit", "verify", "--db", db);
    assertThat(verify.exit()).isEqualTo(1);
    assertThat(verify.out()).contains("audit trail BROKEN").contains("row 1: content does not match its hash");
  }
}
