package org.oligotrial.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.database.DatabaseUrl;
import org.oligotrial.server.register.UsersCommandAccess;
import org.oligotrial.server.trial.TestProtocols;
import picocli.CommandLine;

/** {@code trials add|list|amend|enrol-site} and the trial options of {@code users}, as an operator runs them. */
class TrialsCommandTest {
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
  void anOperatorAddsASecondTrialGivesARoleOnItAndAmendsTheFirst() throws Exception {
    String db = DatabaseUrl.h2File(dir.resolve("trials"));
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    Run list = run("", "trials", "list", "--db", db);
    assertThat(list.exit()).isZero();
    assertThat(list.out()).startsWith("NCT03119519\tv1 of 1 (effective " + today + ")\tdefault\tLocal Non-salvage");

    Path second = TestProtocols.secondFile();
    Run add = run("", "trials", "add", "--db", db, "--protocol", second.toString());
    assertThat(add.exit()).as(add.err()).isZero();
    assertThat(add.out()).startsWith("added trial NCT01446744 (Stereotactic Ablative Radiotherapy for Comprehensive"
        + " Treatment of Oligometastatic Tumors (SABR-COMET): a randomized phase II trial), protocol v1 sha256:");
    Run again = run("", "trials", "add", "--db", db, "--protocol", second.toString());
    assertThat(again.exit()).isEqualTo(2);
    assertThat(again.err()).startsWith("error: protocol: the server holds trial NCT01446744 already");

    assertThat(run("", "sites", "add", "--db", db, "--code", "GZ01", "--name", "Nanfang Hospital").exit()).isZero();
    Run enrol = run("", "trials", "enrol-site", "--db", db, "--trial", "NCT01446744", "--site", "gz01");
    assertThat(enrol.out()).contains("site gz01 takes part in trial NCT01446744 (sites: GZ01)");
    // the site's time zone may be given on enrolment (it is the site's, audited as 'sites set-time-zone')
    assertThat(run("", "sites", "add", "--db", db, "--code", "SH01", "--name", "Shanghai Chest").exit()).isZero();
    Run zoned = run("", "trials", "enrol-site", "--db", db, "--trial", "NCT01446744", "--site", "SH01",
        "--time-zone", "Asia/Shanghai");
    assertThat(zoned.exit()).as(zoned.err()).isZero();
    assertThat(zoned.out()).contains("site SH01 takes part in trial NCT01446744").endsWith(
        "; time zone Asia/Shanghai" + System.lineSeparator());
    assertThat(run("", "sites", "list", "--db", db).out()).contains("SH01\tShanghai Chest\tAsia/Shanghai")
        .contains("GZ01\tNanfang Hospital\tUTC");
    Run badZone = run("", "trials", "enrol-site", "--db", db, "--trial", "NCT01446744", "--site", "GZ01",
        "--time-zone", "Shanghai");
    assertThat(badZone.exit()).isEqualTo(2);
    assertThat(badZone.err()).startsWith("error: --time-zone (timeZone): 'Shanghai' is not a known IANA time zone");
    assertThat(run("", "trials", "enrol-site", "--help").out()).contains("--time-zone");
    Run user = run("a sufficiently long secret\n", "users", "add", "--db", db, "--username", "li.wei", "--role",
        "coordinator", "--site", "GZ01", "--password-stdin");
    assertThat(user.out()).contains("added user li.wei (coordinator, sites GZ01) on trial NCT03119519");
    Run grant = run("", "users", "grant", "--db", db, "--username", "li.wei", "--trial", "NCT01446744", "--role",
        "data-manager", "--site", "GZ01");
    assertThat(grant.out()).contains("li.wei is data_manager on NCT01446744, sites GZ01");
    assertThat(run("", "users", "list", "--db", db).out())
        .contains("li.wei\tcoordinator\tGZ01\tNCT01446744:data_manager:GZ01 NCT03119519:coordinator:GZ01");

    Path amended = Files.writeString(dir.resolve("amended.yaml"), TestProtocols.withMaximumAge(60));
    Run amend = run("", "trials", "amend", "--db", db, "--trial", "NCT03119519", "--protocol", amended.toString(),
        "--effective", today, "--reason", "Amendment 1: upper age limit 60");
    assertThat(amend.exit()).as(amend.err()).isZero();
    assertThat(amend.out()).startsWith("amended trial NCT03119519: protocol v2 sha256:")
        .contains("effective " + today);
    assertThat(run("", "trials", "list", "--db", db).out())
        .contains("NCT03119519\tv2 of 2 (effective " + today + ")\tdefault")
        .contains("NCT01446744\tv1 of 1");

    Run wrongId = run("", "trials", "amend", "--db", db, "--trial", "NCT03119519", "--protocol", second.toString(),
        "--effective", today, "--reason", "wrong file");
    assertThat(wrongId.exit()).isEqualTo(2);
    assertThat(wrongId.err()).startsWith("error: protocol: the protocol's id is NCT01446744, not the trial's"
        + " NCT03119519");
    Run verify = run("", "audit", "verify", "--db", db);
    assertThat(verify.exit()).as(verify.out()).isZero();
  }

  @Test
  void badInputIsOneLineNamingTheOptionAndExitCodeTwo() throws Exception {
    String db = DatabaseUrl.h2File(dir.resolve("bad"));
    Run missing = run("", "trials", "add", "--db", db, "--protocol", dir.resolve("none.yaml").toString());
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).startsWith("error: --protocol: no such file ");
    Path broken = Files.writeString(dir.resolve("broken.yaml"), "id: [");
    Run bad = run("", "trials", "add", "--db", db, "--protocol", broken.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).startsWith("error: protocol: the protocol has errors: ").doesNotContain("Exception");
    Run date = run("", "trials", "amend", "--db", db, "--trial", "NCT03119519", "--protocol", broken.toString(),
        "--effective", "next week", "--reason", "x");
    assertThat(date.exit()).isEqualTo(2);
    assertThat(date.err()).startsWith("error: --effective must be a date YYYY-MM-DD; got next week");
    Run unknown = run("", "trials", "enrol-site", "--db", db, "--trial", "NCT00000000", "--site", "A");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).startsWith("error: no trial NCT00000000");
    Run admin = run("", "users", "grant", "--db", db, "--username", "nobody", "--trial", "NCT03119519", "--role",
        "monitor", "--site", "A");
    assertThat(admin.exit()).isEqualTo(2);
    assertThat(admin.err()).startsWith("error: username: no user nobody");
  }
}
