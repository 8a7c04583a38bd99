package org.oligotrial.server.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.testing.CommandRun;
import org.oligotrial.cdisc.model.SubjectRecord;
import org.oligotrial.cdisc.odm.OdmImport;
import org.oligotrial.cdisc.odm.OdmRefusedException;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.AllocationBasis;
import org.oligotrial.randomization.FactorIds;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.StateReplays;
import org.oligotrial.server.audit.StateReplay;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.randomization.AllocationExports;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import tools.jackson.databind.json.JsonMapper;

/**
 * ODM export, then import into an empty database of the same trial (docs/cdisc.md, "Import"; acceptance of issue
 * 19): the source holds four participants at sites A and B, entered through the services (screening, consent,
 * randomization), with tumour forms whose lesion lists (a repeating group) are corrected, two adverse events of one
 * participant (a repeating form) one of them corrected, signed by the investigator and queried by the data manager.
 * The transactional export is imported into a fresh database holding only the trial and its sites: every value, arm,
 * stratum, signature (signer, time, meaning) and the audit entry count per participant (one ODM audit record per
 * audit row of a form value, as {@link TrialDataSource} writes them) equal the source's; a second import changes
 * nothing. A file naming a site the database lacks, another study or another protocol version is refused with the
 * reason and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OdmImportIntoEmptyDatabaseTest {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  static final String PASSWORD = "correct horse battery";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  final List<String> subjects = new ArrayList<>();
  Path file;

  @BeforeAll
  void setUp(@TempDir Path dir) throws IOException {
    ds = TestRegisters.migrated(TestRegisters.freshH2Url(), 4);
    reg = TestRegisters.on(ds);
    TestRegisters.twoSitesWithOneUserPerRole(reg, PASSWORD);
    Actor coordA = reg.users().find("coord.a").orElseThrow().actor();
    Actor coordB = reg.users().find("coord.b").orElseThrow().actor();
    Actor inv = reg.users().find("inv.a").orElseThrow().actor();
    Actor dm = reg.users().find("dm.a").orElseThrow().actor();
    Clock day0 = Clock.fixed(DAY0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    RandomizationService randomization = RandomizationService.on(reg, PROTOCOL,
        ProtocolRandomization.scheme(PROTOCOL), day0);
    // one clock per save would be as good; a fixed one shows that saves are told apart without their times
    dc = DataCapture.on(reg, Clock.fixed(DAY0.plusDays(200).atStartOfDay().toInstant(ZoneOffset.UTC),
        ZoneOffset.UTC));
    String a = randomize(randomization, coordA, "A", "ODM-A1", "bone").participantId();
    String b = randomize(randomization, coordA, "A", "ODM-A2", "liver").participantId();
    String c = randomize(randomization, coordB, "B", "ODM-B1", "bone").participantId();
    subjects.addAll(List.of(a, b, c));
    // lesions: a repeating item group, corrected (one lesion's size)
    StoredForm t = form(coordA, a, "tumour-baseline", "{'date':'" + day(-7) + "','lesions':["
        + "{'id':'T1','type':'target','site':'lung','nodal':false,'mm':40,'method':'CT','role':'primary'},"
        + "{'id':'T2','type':'target','site':'adrenal','nodal':false,'mm':20,'method':'CT','role':'oligometastatic'}]}");
    t = dc.forms().update(coordA, t.id(), JSON.readTree(t.valuesJson().replace("\"mm\":20", "\"mm\":22")),
        "radiology report re-read", t.version());
    StoredForm ae = form(coordA, a, "adverse-event", "{'term':'Pneumonitis','grade':2,'startDate':'"
        + day(30) + "','serious':false,'relatedToSystemicTherapy':'possible','relatedToRadiotherapy':'probable',"
        + "'actionTaken':'none','outcome':'recovering'}");
    ae = dc.forms().update(coordA, ae.id(), JSON.readTree(ae.valuesJson().replace("\"grade\":2", "\"grade\":3")),
        "source document review: grade 3", ae.version());
    dc.forms().sign(inv, ae.id(), PASSWORD);
    dc.queries().raise(dm, ae.id(), "outcome", "recovering on day 200?");
    form(coordA, a, "adverse-event", "{'term':'Fatigue','grade':1,'startDate':'" + day(45) + "','serious':false,"
        + "'relatedToSystemicTherapy':'probable','relatedToRadiotherapy':'unlikely','actionTaken':'none',"
        + "'outcome':'recovered','endDate':'" + day(60) + "'}");
    form(coordA, b, "last-known-alive", "{'date':'" + day(120) + "'}");
    form(coordB, c, "tumour-baseline", "{'date':'" + day(-5) + "','lesions':["
        + "{'id':'T1','type':'target','site':'lung','nodal':false,'mm':31,'method':'CT','role':'primary'}]}");
    // a participant screened and consented, not randomized
    String d = reg.participants().register(coordB, "B", "ODM-B2", record("bone")).participant().id();
    reg.participants().recordConsent(coordB, d, new Consent("ICF v1", DAY0.minusDays(1), "Dr Ng"), null);
    subjects.add(d);

    file = dir.resolve("trial.xml");
    try (OutputStream out = Files.newOutputStream(file)) {
      new OdmExchange(reg, reg.participants(), dc).export(TestRegisters.admin(), true, null, Instant.now(), out);
    }
  }

  @AfterAll
  void tearDown() {
    ds.close();
  }

  private RandomizationRecord randomize(RandomizationService r, Actor coord, String site, String number,
      String metastasis) {
    String id = reg.participants().register(coord, site, number, record(metastasis)).participant().id();
    reg.participants().recordConsent(coord, id, new Consent("ICF v1", DAY0.minusDays(3), "Dr Li"), null);
    return r.randomize(coord, id, null);
  }

  private static String record(String metastasis) {
    return "{\"testVerdict\":\"ELIGIBLE\",\"diagnosis\":{\"histology\":\"adenocarcinoma\"},\"egfr\":"
        + "\"wild-type\",\"staging\":{\"t\":\"T2a\",\"n\":\"N2\",\"m\":\"M1b\"},\"metastases\":[{\"site\":\""
        + metastasis + "\",\"lesions\":2}],\"intracranialMetastasis\":false}";
  }

  private StoredForm form(Actor coord, String participant, String type, String values) {
    return dc.forms().create(coord, participant, type, null, null, JSON.readTree(values.replace('\'', '"')));
  }

  private static String day(int d) {
    return DAY0.plusDays(d).toString();
  }

  private Supplier<InputStream> open(Path f) {
    return () -> {
      try {
        return Files.newInputStream(f);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** A fresh database of the same trial holding only the given sites (no users, no participants). */
  private static Register emptyDatabase(HikariDataSource target, String... sites) {
    Register r = TestRegisters.on(target);
    for (String s : sites) {
      r.sites().add(TestRegisters.admin(), s, "Site " + s);
    }
    return r;
  }

  /** A fresh, empty database of the trial; its URL and how to drop it. */
  record Target(String url, Runnable drop) {}

  /** A fresh in-memory H2 database (PostgreSQL in {@code OdmImportIntoEmptyPostgresDatabaseTest}). */
  Target freshTarget() {
    return new Target(TestRegisters.freshH2Url(), () -> {});
  }

  private HikariDataSource migratedTarget(List<Runnable> drops, String[] url) {
    Target t = freshTarget();
    drops.add(t.drop());
    url[0] = t.url();
    return TestRegisters.migrated(t.url(), 2);
  }

  private final List<Runnable> drops = new ArrayList<>();

  @AfterAll
  void dropTargets() {
    drops.forEach(Runnable::run);
  }

  private HikariDataSource target() {
    return migratedTarget(drops, new String[1]);
  }

  private static OdmExchange exchange(Register r) {
    return new OdmExchange(r, r.participants(), DataCapture.on(r, Clock.systemUTC()));
  }

  @Test
  void importIntoAnEmptyDatabaseReproducesEveryValueSignatureAndAuditEntryCount() {
    try (HikariDataSource target = target()) {
      Register to = emptyDatabase(target, "A", "B");
      OdmExchange x = exchange(to);
      OdmImport.Plan plan = x.plan(open(file).get(), "trial.xml");
      assertThat(x.creations()).extracting(OdmExchange.NewSubject::subjectKey)
          .containsExactlyInAnyOrderElementsOf(subjects);
      assertThat(to.participants().list(TestRegisters.admin(), null, null, 0, 10).total())
          .as("the dry run writes nothing").isZero();

      OdmExchange.Applied applied = x.apply(open(file), "trial.xml", "cli:importer");
      assertThat(applied.notApplied()).isEmpty();
      assertThat(applied.participantsCreated()).isEqualTo(4);

      TrialDataSource from = new TrialDataSource(reg, reg.participants(), dc);
      TrialDataSource got = x.source();
      for (String id : subjects) {
        SubjectRecord want = from.subject(id).orElseThrow();
        SubjectRecord have = got.subject(id).orElseThrow();
        assertThat(OdmImport.values(have)).as("values of " + id).isEqualTo(OdmImport.values(want));
        assertThat(have.siteCode()).isEqualTo(want.siteCode());
        assertThat(have.arm()).isEqualTo(want.arm());
        assertThat(have.strata()).isEqualTo(want.strata());
        assertThat(have.randomizationDate()).isEqualTo(want.randomizationDate());
        assertThat(have.enrolment()).isEqualTo(want.enrolment());
        assertThat(signatures(have)).as("signatures of " + id).isEqualTo(signatures(want));
        assertThat(have.audit()).as("audit entries of " + id).hasSameSizeAs(want.audit());
        assertThat(have.queries()).hasSameSizeAs(want.queries());
      }
      // the signature is the investigator's, at the source's time, marked imported; not the importing user's
      SubjectRecord a = got.subject(subjects.get(0)).orElseThrow();
      assertThat(a.signatures()).singleElement().satisfies(s -> assertThat(s.user()).isEqualTo("inv.a"));
      assertThat(a.queries()).singleElement().satisfies(q -> assertThat(q.text())
          .startsWith("recovering on day 200? [raised by dm.a at "));
      // a change carries the file's reason and the original one (entering a form takes no reason, as typed)
      assertThat(a.audit()).filteredOn(e -> !e.transactionType().equals("Insert")).isNotEmpty()
          .allSatisfy(e -> assertThat(e.reason()).startsWith(plan.reasonForChange() + "; originally: "));
      // randomized as imported: negative sequence numbers, the sealed list untouched
      assertThat(to.jdbc().sql("SELECT sequence_number FROM randomization WHERE method = 'imported'")
          .query(Integer.class).list()).containsExactlyInAnyOrder(-1, -2, -3);
      assertThat(to.jdbc().sql("SELECT allocated FROM randomization_trial").query(Integer.class).single())
          .isZero();
      assertThat(to.participants().history(TestRegisters.admin(), subjects.get(3)).participant().status())
          .isEqualTo(ParticipantStatus.CONSENTED);

      // a second import of the same file changes nothing and duplicates nothing
      long queries = to.jdbc().sql("SELECT COUNT(*) FROM crf_query").query(Long.class).single();
      OdmExchange y = exchange(to);
      OdmImport.Plan again = y.plan(open(file).get(), "trial.xml");
      assertThat(again.changes()).isEmpty();
      assertThat(y.creations()).isEmpty();
      OdmExchange.Applied twice = y.apply(open(file), "trial.xml", "cli:importer");
      assertThat(twice.participantsCreated()).isZero();
      assertThat(twice.formsEntered()).isZero();
      assertThat(twice.formsUpdated()).isZero();
      assertThat(twice.notApplied()).isEmpty();
      for (String id : subjects) {
        SubjectRecord want = from.subject(id).orElseThrow();
        SubjectRecord have = y.source().subject(id).orElseThrow();
        assertThat(have.forms()).hasSameSizeAs(want.forms());
        assertThat(have.audit()).hasSameSizeAs(want.audit());
        assertThat(signatures(have)).isEqualTo(signatures(want));
        assertThat(have.queries()).hasSameSizeAs(want.queries());
      }
      assertThat(to.jdbc().sql("SELECT COUNT(*) FROM crf_query").query(Long.class).single()).isEqualTo(queries);
      assertThat(to.jdbc().sql("SELECT COUNT(*) FROM imported_signature").query(Long.class).single()).isOne();
    }
  }

  private static Set<String> signatures(SubjectRecord s) {
    return s.signatures().stream().map(x -> x.formKey() + " " + x.user() + " " + x.meaningId() + " " + x.time())
        .collect(Collectors.toSet());
  }

  /**
   * An imported participant is randomized as far as the service and its page are concerned (arm, stratum, date and
   * the file it came from), while the allocation log, which a replay of the draws reads, holds only the draws made
   * here: none in the imported database.
   */
  @Test
  void anImportedParticipantShowsItsArmWhileTheAllocationLogKeepsOnlyDraws() {
    try (HikariDataSource target = target()) {
      Register to = emptyDatabase(target, "A", "B");
      exchange(to).apply(open(file), "trial.xml", "cli:importer");
      RandomizationService source = RandomizationService.on(reg, PROTOCOL, ProtocolRandomization.scheme(PROTOCOL),
          Clock.systemUTC());
      RandomizationService imported = RandomizationService.on(to, PROTOCOL, ProtocolRandomization.scheme(PROTOCOL),
          Clock.systemUTC());
      for (String id : subjects.subList(0, 3)) {
        RandomizationRecord want = source.find(TestRegisters.admin(), id).record();
        RandomizationRecord have = imported.find(TestRegisters.admin(), id).record();
        assertThat(have.arm()).as("arm of " + id).isEqualTo(want.arm());
        assertThat(have.stratum()).isEqualTo(want.stratum());
        assertThat(have.randomizedAt().atOffset(ZoneOffset.UTC).toLocalDate())
            .isEqualTo(want.randomizedAt().atOffset(ZoneOffset.UTC).toLocalDate());
        assertThat(have.method()).isEqualTo("imported");
        assertThat(have.sequence()).isNegative();
        // the source as SubjectImport names it: "ODM import of <file> (FileOID <oid>)"
        assertThat(have.basis()).isInstanceOfSatisfying(AllocationBasis.Imported.class, b -> assertThat(b.source())
            .startsWith("ODM import of trial.xml (FileOID "));
        assertThat(have.basis().explain()).startsWith("imported, not drawn here: ODM import of trial.xml");
      }
      assertThatThrownBy(() -> imported.find(TestRegisters.admin(), subjects.get(3)))
          .isInstanceOf(RecordNotFoundException.class);
      // randomizing an imported participant again is refused as for one randomized here
      assertThat(imported.preview(TestRegisters.admin(), subjects.get(0)).blockingReasons())
          .anySatisfy(b -> assertThat(b.message()).isEqualTo("the participant is already randomized"));
      Actor statistician = new Actor("stat", Role.STATISTICIAN, Set.of());
      assertThat(new AllocationExports(imported).allocationLog(statistician)).isEmpty();
    }
  }

  /** {@code audit verify --state} on a database filled by an import: every table agrees with its audit trail. */
  @Test
  void theStateReplayAgreesWithTheAuditTrailAfterAnImport() {
    try (HikariDataSource target = target()) {
      Register to = emptyDatabase(target, "A", "B");
      exchange(to).apply(open(file), "trial.xml", "cli:importer");
      StateReplay.Result r = StateReplays.of(to.jdbc(), FactorIds.of(PROTOCOL)).compare(to.audit());
      assertThat(r.differences()).isEmpty();
      assertThat(to.jdbc().sql("SELECT COUNT(*) FROM randomization").query(Long.class).single()).isEqualTo(3);
    }
  }

  /** Imported signatures are append-only like the audit trail (V101): UPDATE and DELETE are refused. */
  @Test
  void importedSignaturesCannotBeChangedOrDeleted() {
    try (HikariDataSource target = target()) {
      Register to = emptyDatabase(target, "A", "B");
      exchange(to).apply(open(file), "trial.xml", "cli:importer");
      assertThat(to.jdbc().sql("SELECT COUNT(*) FROM imported_signature").query(Long.class).single()).isOne();
      assertThatThrownBy(() -> to.jdbc().sql("UPDATE imported_signature SET signer = 'someone else'").update())
          .hasStackTraceContaining("imported_signature is append-only");
      assertThatThrownBy(() -> to.jdbc().sql("DELETE FROM imported_signature").update())
          .hasStackTraceContaining("imported_signature is append-only");
      assertThat(to.jdbc().sql("SELECT signer FROM imported_signature").query(String.class).single())
          .isEqualTo("inv.a");
    }
  }

  @Test
  void dryRunOnTheCommandLineListsTheParticipantsItWouldCreate() {
    String[] u = new String[1];
    try (HikariDataSource target = migratedTarget(drops, u)) {
      String url = u[0];
      emptyDatabase(target, "A", "B");
      CommandRun dry = CommandRun.run("import", "odm", file.toString(), "--dry-run", "--db",
          url);
      assertThat(dry.exit()).as(dry.err()).isZero();
      for (String id : subjects) {
        assertThat(dry.out()).contains("would create participant " + id + " at site ");
      }
      assertThat(TestRegisters.on(target).participants().list(TestRegisters.admin(), null, null, 0, 10).total())
          .isZero();
    }
  }

  /**
   * The form service refuses a primary tumour outside the lung (seen when setting up: "the primary thoracic tumour is
   * a lung lesion"): the two participants whose baseline lesions the edited file moves to the liver are not created
   * at all (one transaction per participant), the other two are.
   */
  @Test
  void aParticipantWithAFormTheFormServiceRefusesIsNotCreatedAtAll(@TempDir Path dir) throws IOException {
    Path edited = dir.resolve("edited.xml");
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(xml).contains("Value=\"lung\"");
    Files.writeString(edited, xml.replace("Value=\"lung\"", "Value=\"liver\""));
    try (HikariDataSource target = target()) {
      Register to = emptyDatabase(target, "A", "B");
      OdmExchange.Applied applied = exchange(to).apply(open(edited), "edited.xml", "cli:importer");
      assertThat(applied.participantsCreated()).isEqualTo(2);
      assertThat(applied.notApplied()).hasSize(2).allSatisfy(n -> assertThat(n).contains(": not created: form"
          + " tumour-baseline").contains("primary thoracic tumour is a lung lesion"));
      assertThat(to.participants().list(TestRegisters.admin(), null, null, 0, 10).items())
          .extracting(p -> p.id()).containsExactlyInAnyOrder(subjects.get(1), subjects.get(3));
      assertThat(to.jdbc().sql("SELECT COUNT(*) FROM randomization").query(Long.class).single()).isOne();
    }
  }

  @Test
  void aSiteTheDatabaseLacksRefusesTheFileAndNothingIsWritten() {
    try (HikariDataSource target = target()) {
      Register to = emptyDatabase(target, "A");
      assertThatThrownBy(() -> exchange(to).apply(open(file), "trial.xml", "cli:importer"))
          .isInstanceOf(OdmRefusedException.class)
          .hasMessageContaining("site B (LocationOID LOC.B) does not take part in trial " + PROTOCOL.id());
      assertThat(to.participants().list(TestRegisters.admin(), null, null, 0, 10).total()).isZero();
    }
  }

  @Test
  void anotherStudyOrProtocolVersionIsRefusedAndNothingIsWritten(@TempDir Path dir) throws IOException {
    String xml = Files.readString(file, StandardCharsets.UTF_8);
    String studyOid = "ST." + PROTOCOL.id();
    assertThat(xml).contains("StudyOID=\"" + studyOid + "\"");
    Path otherStudy = dir.resolve("other-study.xml");
    Files.writeString(otherStudy, xml.replace("StudyOID=\"" + studyOid + "\"", "StudyOID=\"ST.NCT00000000\""));
    Path otherVersion = dir.resolve("other-version.xml");
    Files.writeString(otherVersion, xml.replaceAll("MetaDataVersionOID=\"([^\"]*)\"",
        "MetaDataVersionOID=\"MDV." + PROTOCOL.id() + ".000000000000\""));
    try (HikariDataSource target = target()) {
      Register to = emptyDatabase(target, "A", "B");
      assertThatThrownBy(() -> exchange(to).apply(open(otherStudy), "other-study.xml", "cli:importer"))
          .isInstanceOf(OdmRefusedException.class).hasMessageContaining("ST.NCT00000000");
      assertThatThrownBy(() -> exchange(to).apply(open(otherVersion), "other-version.xml", "cli:importer"))
          .isInstanceOf(OdmRefusedException.class).hasMessageContaining("000000000000");
      assertThat(to.participants().list(TestRegisters.admin(), null, null, 0, 10).total()).isZero();
    }
  }
}
