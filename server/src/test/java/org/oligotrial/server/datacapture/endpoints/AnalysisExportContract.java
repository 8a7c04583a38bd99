package org.oligotrial.server.datacapture.endpoints;

import static org.oligotrial.server.testing.CommandRun.run;
import org.oligotrial.server.testing.CommandRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.Main;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.visits.ExpectedVisit;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import tools.jackson.databind.json.JsonMapper;

/**
 * End to end on a database (H2 or PostgreSQL by subclass): participants randomized by the randomization feature
 * (its {@code randomization} table read by {@link org.oligotrial.server.randomization.JdbcRandomizationFacts}), forms
 * entered, then {@code oligotrial export analysis-dataset --db URL --out F.csv} and {@code oligotrial analyze km} on
 * the file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AnalysisExportContract {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  final Actor coord = new Actor("coord.a", Role.COORDINATOR, java.util.Set.of("A"));
  final Actor stat = new Actor("stat", Role.STATISTICIAN, java.util.Set.of());
  String url;
  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  RandomizationService randomization;

  abstract String openDatabase();

  abstract void closeDatabase();

  @BeforeAll
  void setUp() {
    url = openDatabase();
    ds = TestRegisters.migrated(url, 4);
    reg = TestRegisters.on(ds);
    reg.sites().add(TestRegisters.admin(), "A", "Site A");
    Clock day0 = Clock.fixed(DAY0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    randomization = RandomizationService.on(reg, PROTOCOL, ProtocolRandomization.scheme(PROTOCOL), day0);
    dc = DataCapture.on(reg, Clock.fixed(DAY0.plusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC));
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  private RandomizationRecord randomize(int n, String egfr) {
    String record = "{\"testVerdict\":\"ELIGIBLE\",\"diagnosis\":{\"histology\":\"adenocarcinoma\"},\"egfr\":\""
        + egfr + "\",\"staging\":{\"t\":\"T2a\",\"n\":\"N2\",\"m\":\"M1b\"},\"metastases\":[{\"site\":\"bone\","
        + "\"lesions\":2}],\"intracranialMetastasis\":false}";
    String id = reg.participants().register(coord, "A", "EXP-" + n, record).participant().id();
    reg.participants().recordConsent(coord, id, new Consent("ICF v1", DAY0.minusDays(3), "Dr Li"), null);
    return randomization.randomize(coord, id, null);
  }

  private void form(String participant, String type, String values) {
    dc.forms().create(coord, participant, type, null, null, JSON.readTree(values.replace('\'', '"')));
  }

  private static String day(int d) {
    return DAY0.plusDays(d).toString();
  }

  @Test
  void exportsEveryRandomizedParticipantForAnalyzeKm(@TempDir Path dir) throws Exception {
    RandomizationRecord a = randomize(1, "wild-type");
    RandomizationRecord b = randomize(2, "mutant");
    RandomizationRecord c = randomize(3, "wild-type");
    form(a.participantId(), "tumour-baseline", "{'date':'" + day(-7) + "','targets':[{'id':'T1','organ':'lung',"
        + "'mm':40}]}");
    form(a.participantId(), "tumour-assessment", "{'date':'" + day(49) + "','targets':{'T1':52},'newLesions':'no'}");
    form(a.participantId(), "progression", "{'date':'" + day(49) + "','site':'thoracic'}");
    form(b.participantId(), "last-known-alive", "{'date':'" + day(120) + "'}");
    form(c.participantId(), "death", "{'date':'" + day(70) + "','cause':'unknown'}");

    // the schedule follows the randomization record: chemotherapy cycles for wild-type, TKI reviews for mutant
    List<ExpectedVisit> va = dc.visits().forParticipant(coord, a.participantId());
    assertThat(va).anyMatch(v -> v.visitId().equals("chemo-cycle"));
    assertThat(va.get(0).targetDate()).isEqualTo(DAY0);
    assertThat(dc.visits().forParticipant(coord, b.participantId())).anyMatch(v -> v.visitId().equals("tki-review"))
        .noneMatch(v -> v.visitId().equals("chemo-cycle"));

    // before the trial's comparative results are released the file is pooled: no arm, no compliance column
    Path pooledCsv = dir.resolve("pooled.csv");
    CommandRun pooled = run("export", "analysis-dataset", "--db", url, "--out", pooledCsv.toString());
    assertThat(pooled.exit()).as(pooled.err()).isZero();
    assertThat(pooled.out()).contains("3 participants", "pooled");
    List<String> pooledLines = Files.readAllLines(pooledCsv);
    assertThat(pooledLines.get(0)).startsWith("participant_id,histology,").doesNotContain("arm")
        .doesNotContain("compliance");
    assertThat(pooledLines).anyMatch(l -> l.startsWith(a.participantId() + ",non-squamous,non-targeted,no,2-5,III,"
        + "49,1,")).noneMatch(l -> l.contains(a.arm()));
    CommandRun release = run("trials", "release-results", "--db", url, "--trial", PROTOCOL.id(), "--reason",
        "final analysis");
    assertThat(release.exit()).as(release.err()).isZero();

    Path csv = dir.resolve("analysis.csv");
    CommandRun export = run("export", "analysis-dataset", "--db", url, "--out", csv.toString());
    assertThat(export.exit()).as(export.err()).isZero();
    assertThat(export.out()).contains("3 participants", "by arm");
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(4);
    assertThat(lines).anyMatch(l -> l.startsWith(a.participantId() + "," + a.arm() + ",non-squamous,non-targeted,no,"
        + "2-5,III,49,1,"));
    assertThat(lines).anyMatch(l -> l.startsWith(c.participantId() + "," + c.arm() + ",non-squamous,non-targeted,no,"
        + "2-5,III,70,1,"));
    assertThat(lines).anyMatch(l -> l.startsWith(b.participantId() + "," + b.arm() + ",non-squamous,targeted,"));
    AuditEvent last = reg.audit().latest(1).get(0);
    assertThat(last.entry().action()).isEqualTo(AuditAction.EXPORT);
    assertThat(last.entry().actor()).startsWith("cli:");

    CommandRun km = run("analyze", "km", "--data", csv.toString(), "--time", "os_months", "--event", "os_event");
    assertThat(km.exit()).as(km.err()).isZero();
    // one curve of the three participants with one death (participant c, day 70 = 2.2998 months)
    assertThat(km.out()).containsPattern("all\\s+3\\s+1\\s+2\\.2998");
  }

}
