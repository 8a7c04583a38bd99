package org.oligotrial.server.exchange;

import static org.oligotrial.server.testing.CommandRun.run;
import org.oligotrial.server.testing.CommandRun;
import org.oligotrial.server.testing.ScriptedEvaluator;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.transform.stream.StreamSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.cdisc.odm.OdmImport;
import org.oligotrial.cdisc.odm.OdmReader;
import org.oligotrial.cdisc.odm.OdmStudy;
import org.oligotrial.cdisc.schema.CdiscSchemas;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.Main;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import tools.jackson.databind.json.JsonMapper;

/**
 * ODM export and import on a database (H2 or PostgreSQL by subclass): data entered through the services
 * (participants, randomization, forms, a correction with a reason, an investigator's signature, a query), then
 * {@code oligotrial export odm --transactional}, the file checked against the ODM 1.3.2 schema and read back value
 * by value against the database, {@code import odm --dry-run} of the file finding nothing to change, an edited file
 * applied through the form service with the file's reason for change, and files of another study or protocol
 * version refused with exit 2 and the reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OdmExchangeContract {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  static final String PASSWORD = "correct horse battery";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  String url;
  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  RandomizationService randomization;
  Actor coord;
  Actor inv;
  Actor dm;
  String aeForm;
  List<String> subjects = new ArrayList<>();

  abstract String openDatabase();

  abstract void closeDatabase();

  @BeforeAll
  void setUp() {
    url = openDatabase();
    ds = TestRegisters.migrated(url, 4);
    reg = TestRegisters.on(ds);
    Actor admin = TestRegisters.admin();
    reg.sites().add(admin, "A", "Site A");
    coord = user(admin, "coord.a", Role.COORDINATOR);
    inv = user(admin, "inv.a", Role.INVESTIGATOR);
    dm = user(admin, "dm.a", Role.DATA_MANAGER);
    Clock day0 = Clock.fixed(DAY0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    randomization = RandomizationService.on(reg, PROTOCOL, ProtocolRandomization.scheme(PROTOCOL), day0);
    dc = DataCapture.on(reg, Clock.fixed(DAY0.plusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC));
    RandomizationRecord a = randomize(1);
    RandomizationRecord b = randomize(2);
    subjects.add(a.participantId());
    subjects.add(b.participantId());
    form(a.participantId(), "tumour-baseline", "{'date':'" + day(-7) + "','lesions':["
        + "{'id':'T1','type':'target','site':'lung','nodal':false,'mm':40,'method':'CT','role':'primary'},"
        + "{'id':'T2','type':'target','site':'adrenal','nodal':false,'mm':20,'method':'CT','role':'oligometastatic'}]}");
    StoredForm ae = form(a.participantId(), "adverse-event", "{'term':'Pneumonitis','grade':2,'startDate':'"
        + day(30) + "','serious':false,'relatedToSystemicTherapy':'possible','relatedToRadiotherapy':'probable',"
        + "'actionTaken':'none','outcome':'recovering'}");
    ae = dc.forms().update(coord, ae.id(), JSON.readTree(ae.valuesJson().replace("\"grade\":2", "\"grade\":3")),
        "source document review: grade 3", ae.version());
    dc.forms().sign(inv, ae.id(), PASSWORD);
    dc.queries().raise(dm, ae.id(), "outcome", "recovering on day 200?");
    aeForm = ae.id();
    form(b.participantId(), "last-known-alive", "{'date':'" + day(120) + "'}");
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  private Actor user(Actor admin, String name, Role role) {
    reg.users().add(admin, name, role, Set.of("A"), PASSWORD);
    return reg.users().find(name).orElseThrow().actor();
  }

  private RandomizationRecord randomize(int n) {
    String record = ScriptedEvaluator.randomizable("wild-type", "N2");
    String id = reg.participants().register(coord, "A", "ODM-" + n, record).participant().id();
    reg.participants().recordConsent(coord, id, new Consent("ICF v1", DAY0.minusDays(3), "Dr Li"), null);
    return randomization.randomize(coord, id, null);
  }

  private StoredForm form(String participant, String type, String values) {
    return dc.forms().create(coord, participant, type, null, null, JSON.readTree(values.replace('\'', '"')));
  }

  private static String day(int d) {
    return DAY0.plusDays(d).toString();
  }

  /** Every subject the file holds, read back with the ODM reader. */
  private static Map<String, SubjectRecord> read(Path file) throws Exception {
    Map<String, SubjectRecord> out = new LinkedHashMap<>();
    try (InputStream in = Files.newInputStream(file)) {
      OdmReader r = new OdmReader(OdmStudy.of(PROTOCOL));
      r.read(in, s -> out.put(s.subjectKey(), s));
      assertThat(r.problems()).isEmpty();
    }
    return out;
  }

  @Test
  @Order(1)
  void transactionalExportCarriesEveryValueSignatureQueryAndAuditEntryOfTheDatabase(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("trial.xml");
    CommandRun run = run("export", "odm", "--db", url, "--transactional", "--out", f.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("transactional ODM of " + PROTOCOL.id()).contains("2 subjects");
    assertThat(CdiscSchemas.validate(CdiscSchemas.odm(), new StreamSource(f.toFile()))).isEmpty();

    TrialDataSource db = new TrialDataSource(reg, reg.participants(), dc);
    Map<String, SubjectRecord> file = read(f);
    assertThat(file.keySet()).containsExactlyInAnyOrderElementsOf(subjects);
    int audit = 0;
    for (String id : subjects) {
      SubjectRecord want = db.subject(id).orElseThrow();
      SubjectRecord got = file.get(id);
      assertThat(OdmImport.values(got)).isEqualTo(OdmImport.values(want));
      assertThat(got.arm()).isEqualTo(want.arm()).isNotNull();
      assertThat(got.strata()).isEqualTo(want.strata());
      assertThat(got.randomizationDate()).isEqualTo(DAY0);
      assertThat(got.signatures()).hasSameSizeAs(want.signatures());
      assertThat(got.queries()).hasSameSizeAs(want.queries());
      assertThat(got.audit()).hasSameSizeAs(want.audit());
      audit += want.audit().size();
    }
    // the AE's signature and query, and its correction with the reason and the audit row's hash
    SubjectRecord a = file.get(subjects.get(0));
    assertThat(a.signatures()).singleElement().satisfies(s -> assertThat(s.user()).isEqualTo("inv.a"));
    assertThat(a.queries()).singleElement().satisfies(q -> assertThat(q.text()).isEqualTo("recovering on day 200?"));
    assertThat(a.audit()).anySatisfy(e -> {
      assertThat(e.reason()).isEqualTo("source document review: grade 3");
      assertThat(e.value()).isEqualTo("3");
      assertThat(e.hash()).isNotBlank();
    });
    // the database's audit rows of the forms' values: baseline 2 rows (date; lesions: 2 lesions x the columns the
    // form service stores for each, 7 entered), AE 8 values entered + 1 correction, last-known-alive 1
    List<AuditEvent> aeRows = reg.audit().forRecord("form", aeForm);
    assertThat(aeRows.stream().filter(e -> e.entry().field() != null && e.entry().field().startsWith("values."))
        .count()).isEqualTo(9);
    StoredForm baseline = dc.forms().list(dm, subjects.get(0)).stream()
        .filter(x -> x.formType().equals("tumour-baseline")).findFirst().orElseThrow();
    int lesionColumns = JSON.readTree(baseline.valuesJson()).get("lesions").get(0).size(); // 7 entered + normalised
    assertThat(lesionColumns).isGreaterThanOrEqualTo(7);
    long expected = 0;
    for (String id : subjects) {
      for (StoredForm x : dc.forms().list(dm, id)) {
        for (AuditEvent e : reg.audit().forRecord("form", x.id())) {
          String field = e.entry().field();
          if (field != null && field.startsWith("values.")) {
            expected += field.equals("values.lesions") ? 2L * lesionColumns : itemsOf(e.entry().newValue());
          }
        }
      }
    }
    assertThat((long) audit).isEqualTo(expected);
    AuditEvent last = reg.audit().latest(1).get(0);
    assertThat(last.entry().newValue()).startsWith("transactional ODM OT." + PROTOCOL.id());
  }

  @Test
  @Order(2)
  void snapshotImportedBackChangesNothingAndAnEditedFileIsAppliedWithTheFileAsReason(@TempDir Path dir)
      throws Exception {
    Path f = dir.resolve("snapshot.xml");
    CommandRun run = run("export", "odm", "--db", url, "--out", f.toString());
    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(CdiscSchemas.validate(CdiscSchemas.odm(), new StreamSource(f.toFile()))).isEmpty();

    CommandRun dry = run("import", "odm", f.toString(), "--dry-run", "--db", url);
    assertThat(dry.exit()).as(dry.err()).isZero();
    assertThat(dry.out()).contains("2 subjects").contains(" 0 would change");

    // another system's correction: the AE outcome recovered
    String xml = Files.readString(f, StandardCharsets.UTF_8);
    String item = "ItemOID=\"I.adverse-event.main.outcome\" Value=\"recovering\"";
    assertThat(xml).contains(item);
    Path edited = dir.resolve("edited.xml");
    Files.writeString(edited, xml.replace(item, "ItemOID=\"I.adverse-event.main.outcome\" Value=\"recovered\""));
    CommandRun plan = run("import", "odm", edited.toString(), "--dry-run", "--db", url);
    assertThat(plan.exit()).as(plan.err()).isZero();
    assertThat(plan.out()).contains(" 1 would change").contains("outcome: UPDATE recovering -> recovered");
    assertThat(dc.forms().get(dm, aeForm).valuesJson()).contains("\"recovering\"");

    CommandRun apply = run("import", "odm", edited.toString(), "--db", url);
    assertThat(apply.exit()).as(apply.out() + apply.err()).isZero();
    assertThat(apply.out()).contains("applied: 1 forms updated, 0 entered");
    StoredForm after = dc.forms().get(dm, aeForm);
    assertThat(after.valuesJson()).contains("\"recovered\"");
    assertThat(after.status()).isEqualTo(StoredForm.ENTERED); // the change voids the signature, as typed data does
    String fileOid = xml.replaceAll("(?s).*FileOID=\"([^\"]+)\".*", "$1");
    assertThat(reg.audit().forRecord("form", aeForm)).anySatisfy(e -> {
      assertThat(e.entry().field()).isEqualTo("values.outcome");
      assertThat(e.entry().newValue()).isEqualTo("recovered");
      assertThat(e.entry().reason()).isEqualTo("ODM import of edited.xml (FileOID " + fileOid + ")");
    });
  }

  @Test
  @Order(3)
  void fileOfAnotherStudyOrProtocolVersionIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("snapshot.xml");
    assertThat(run("export", "odm", "--db", url, "--out", f.toString()).exit()).isZero();
    String xml = Files.readString(f, StandardCharsets.UTF_8);
    OdmStudy study = OdmStudy.of(PROTOCOL);

    Path other = dir.resolve("other-study.xml");
    Files.writeString(other, xml.replace("StudyOID=\"" + study.studyOid() + "\"", "StudyOID=\"ST.NCT00000000\""));
    CommandRun r = run("import", "odm", other.toString(), "--dry-run", "--db", url);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("refused: ").contains("ST.NCT00000000").doesNotContain("\tat ");

    Path version = dir.resolve("other-version.xml");
    Files.writeString(version, xml.replace("MetaDataVersionOID=\"" + study.metaDataVersionOid() + "\"",
        "MetaDataVersionOID=\"MDV." + PROTOCOL.id() + ".000000000000\""));
    r = run("import", "odm", version.toString(), "--db", url);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("refused: ").contains("MDV." + PROTOCOL.id() + ".000000000000")
        .doesNotContain("\tat ");
  }

  @Test
  @Order(4)
  void sdtmAndAdamAreWrittenWithTheirDefineXml(@TempDir Path dir) throws Exception {
    for (String format : List.of("json", "xpt")) {
      Path sdtm = dir.resolve("sdtm-" + format);
      CommandRun r = run("export", "sdtm", "--db", url, "--format", format, "--out", sdtm.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(r.out()).startsWith("SDTM of " + PROTOCOL.id());
      assertThat(sdtm.resolve("dm." + format)).exists();
      assertThat(sdtm.resolve("ae." + format)).exists();
      assertThat(sdtm.resolve("conformance.txt")).exists();
      assertThat(CdiscSchemas.validate(CdiscSchemas.define(), new StreamSource(sdtm.resolve("define.xml").toFile())))
          .isEmpty();
      Path adam = dir.resolve("adam-" + format);
      r = run("export", "adam", "--db", url, "--format", format, "--out", adam.toString());
      assertThat(r.exit()).as(r.err()).isZero();
      assertThat(adam.resolve("adsl." + format)).exists();
      assertThat(adam.resolve("adtte." + format)).exists();
      assertThat(CdiscSchemas.validate(CdiscSchemas.define(), new StreamSource(adam.resolve("define.xml").toFile())))
          .isEmpty();
    }
    String dm = Files.readString(dir.resolve("sdtm-json").resolve("dm.json"));
    for (String id : subjects) {
      assertThat(dm).contains(PROTOCOL.id() + "-" + id);
    }
    CommandRun bad = run("export", "sdtm", "--db", url, "--format", "csv", "--out", dir.resolve("x").toString());
    assertThat(bad.exit()).isNotZero();
    assertThat(bad.err()).contains("--format").doesNotContain("\tat ");
  }

  /**
   * ODM items one stored value becomes: a coded CTCAE term (a JSON object: term, MedDRA code, SOC and, for an
   * "Other, specify" term, the text) is one item per part (docs/cdisc.md); any other value is one item.
   */
  private static long itemsOf(String storedValue) {
    if (storedValue == null || !storedValue.startsWith("{")) {
      return 1;
    }
    return JSON.readTree(storedValue).size();
  }
}
