package org.oligotrial.server.randomization;

import org.oligotrial.server.testing.ScriptedEvaluator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.Allocation;
import org.oligotrial.randomization.AllocationReplay;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.RandomizationState;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;

/**
 * Randomization through the service on a real database (one fresh database per subclass), with the bundled
 * protocol's primary scheme (minimization, p = 0.8). Screening records carry the scripted verdict plus the fields the
 * factors are derived from. Tests use their own participants and never assume a sequence number, except the
 * concurrency test, which counts from the allocations before it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RandomizationContract {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();
  HikariDataSource ds;
  Register reg;
  RandomizationService service;
  AllocationExports exports;
  final Actor coordA = new Actor("coord.a", Role.COORDINATOR, Set.of("A"));
  final Actor invA = new Actor("inv.a", Role.INVESTIGATOR, Set.of("A"));
  final Actor dmA = new Actor("dm.a", Role.DATA_MANAGER, Set.of("A"));
  final Actor monitorA = new Actor("mon.a", Role.MONITOR, Set.of("A"));
  final Actor coordB = new Actor("coord.b", Role.COORDINATOR, Set.of("B"));
  final Actor statistician = new Actor("stat", Role.STATISTICIAN, Set.of());
  final Actor admin = TestRegisters.admin();
  private int numbers;

  abstract String openDatabase();

  /** Runs SQL as the application's database user (triggers active). */
  void sql(String q) {
    reg.jdbc().sql(q).update();
  }

  abstract void closeDatabase();

  @BeforeAll
  void setUp() {
    ds = TestRegisters.migrated(openDatabase(), 16);
    reg = TestRegisters.on(ds);
    reg.sites().add(admin, "A", "Site A");
    reg.sites().add(admin, "B", "Site B");
    service = RandomizationService.on(reg, PROTOCOL, ProtocolRandomization.scheme(PROTOCOL), Clock.systemUTC());
    exports = new AllocationExports(service);
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  /** A screening record: the scripted verdict plus the facts randomization reads. */
  static String record(String histology, String egfr, String t, String n, String metastases) {
    return ScriptedEvaluator.randomizable(histology, egfr, t, n, metastases);
  }

  static String typical() {
    return record("adenocarcinoma", "mutant", "T2a", "N2", "{\"site\":\"brain\",\"lesions\":1},{\"site\":\"bone\","
        + "\"lesions\":2}");
  }

  /** A consented participant at site A with that screening record. */
  String consented(String recordJson) {
    String id = reg.participants().register(coordA, "A", "RZ-" + (++numbers) + "-" + System.nanoTime(), recordJson)
        .participant().id();
    reg.participants().recordConsent(coordA, id, new Consent("ICF v1", LocalDate.of(2026, 1, 5), "Dr Li"), null);
    return id;
  }

  @Test
  void previewShowsTheDerivedLevelsStratumAndThePlanOnEachArm() {
    String id = consented(typical());
    RandomizationPreview p = service.preview(invA, id);
    assertThat(p.randomizable()).isTrue();
    assertThat(p.blockingReasons()).isEmpty();
    assertThat(p.confirmFactors()).containsExactly(Map.entry("histology", "non-squamous"),
        Map.entry("first_line", "targeted"), Map.entry("brain_metastasis", "yes"), Map.entry("metastases", "2-5"),
        Map.entry("thoracic_stage", "III"));
    assertThat(p.stratum()).isEqualTo(
        "histology=non-squamous;first_line=targeted;brain_metastasis=yes;metastases=2-5;thoracic_stage=III");
    assertThat(p.factors()).extracting(RandomizationPreview.FactorLevelView::label).contains("targeted (EGFR-TKI)");
    // the arms' interventions and the regimen as protocols/nct03119519.yaml states them
    assertThat(p.treatmentPlans().get("RT+").interventions()).contains(
        "3D-CRT or IMRT to the primary tumour and oligometastatic foci");
    assertThat(p.treatmentPlans().get("RT-").interventions()).containsExactly("first-line systemic therapy");
    assertThat(p.treatmentPlans().get("RT-").systemicRegimen()).isEqualTo("egfr-tki");
    assertThat(p.treatmentPlans().get("RT-").regimenCategory()).isEqualTo("targeted");
    assertThat(p.method()).isEqualTo("minimization");
  }

  @Test
  void randomizingWritesTheRecordPlanStatusAndAuditInOneGo() {
    String id = consented(record("squamous", "wild-type", "T1a", "N0", "{\"site\":\"liver\",\"lesions\":1}"));
    Map<String, String> shown = service.preview(coordA, id).confirmFactors();
    RandomizationRecord r = service.randomize(coordA, id, shown);
    assertThat(r.arm()).isIn("RT+", "RT-");
    assertThat(r.plan().systemicRegimen()).isEqualTo("taxane-cisplatin");
    assertThat(r.plan().arm()).isEqualTo(r.arm());
    assertThat(r.plan().summary()).startsWith(r.arm() + " (");
    assertThat(r.factors().levels()).isEqualTo(shown);
    assertThat(r.randomizedBy()).isEqualTo("coord.a");
    assertThat(reg.participants().history(coordA, id).participant().status()).isEqualTo(ParticipantStatus.RANDOMIZED);
    assertThat(service.find(monitorA, id).record()).isEqualTo(r);
    assertThat(reg.audit().forRecord("participant", id)).extracting(e -> e.entry().field())
        .contains("randomization.sequence", "randomization.arm", "randomization.stratum", "randomization.factors",
            "randomization.treatmentPlan", "status");
    assertThat(reg.audit().forRecord("participant", id))
        .noneMatch(e -> String.valueOf(e.entry().newValue()).contains("draw"));
  }

  @Test
  void aSecondRandomizationIsAConflictAndChangesNothing() {
    String id = consented(typical());
    RandomizationRecord first = service.randomize(invA, id, null);
    assertThatThrownBy(() -> service.randomize(invA, id, null)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("already randomized");
    assertThat(service.find(invA, id).record()).isEqualTo(first);
    assertThat(service.preview(invA, id).randomizable()).isFalse();
  }

  @Test
  void unknownEgfrBlocksWithAMessageNamingTheField() {
    String id = consented(record("adenocarcinoma", "unknown", "T2a", "N0", "{\"site\":\"bone\",\"lesions\":1}"));
    RandomizationPreview p = service.preview(invA, id);
    assertThat(p.randomizable()).isFalse();
    assertThat(p.blockingReasons()).extracting(RandomizationPreview.BlockingReason::field)
        .containsExactly("screeningRecord.egfr");
    // the protocol's first_line levels need egfr mutant or wild-type
    assertThat(p.blockingReasons().get(0).message()).startsWith("factor first_line: the record matches none of the"
        + " levels (targeted: egfr = unknown");
    assertThatThrownBy(() -> service.randomize(invA, id, null)).isInstanceOf(InvalidFieldException.class)
        .satisfies(e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("screeningRecord.egfr"));
    assertThat(reg.participants().history(invA, id).participant().status()).isEqualTo(ParticipantStatus.CONSENTED);
  }

  @Test
  void tooManyLesionsAndUnstageableTumourAreEachReported() {
    // 6 lesions: neither level 1 nor 2-5; TX N0: no thoracic_stage level of protocols/nct03119519.yaml holds
    String id = consented(record("adenocarcinoma", "mutant", "TX", "N0", "{\"site\":\"bone\",\"lesions\":6}"));
    assertThat(service.preview(invA, id).blockingReasons()).extracting(RandomizationPreview.BlockingReason::field)
        .containsExactly("screeningRecord.metastases.lesions", "screeningRecord.staging.t");
  }

  @Test
  void theAuditReplayReadsFactorIdsWrittenBeforeARename() {
    // the audit trail keeps the ids it was written with; after the stored keys are renamed (as migration V75 did for
    // therapy, intracranial and thoracic-stage), the replay compares through the protocol's formerIds
    String id = consented(typical());
    service.randomize(coordA, id, null);
    boolean postgres = org.oligotrial.server.database.Databases.isPostgres(ds);
    sql(postgres ? "ALTER TABLE randomization DISABLE TRIGGER randomization_no_update_or_delete"
        : "DROP TRIGGER randomization_no_update");
    try {
      sql("UPDATE randomization SET stratum = REPLACE(stratum, 'histology=', 'cell_type='), factors_json ="
          + " REPLACE(factors_json, '\"histology\"', '\"cell_type\"') WHERE participant_id = '" + id + "'");
    } finally {
      sql(postgres ? "ALTER TABLE randomization ENABLE TRIGGER randomization_no_update_or_delete"
          : "CREATE TRIGGER randomization_no_update BEFORE UPDATE ON randomization FOR EACH ROW"
              + " CALL 'org.oligotrial.server.randomization.ImmutableRowTrigger'");
    }
    org.oligotrial.server.audit.StateReplay renamed = org.oligotrial.server.StateReplays.of(reg.jdbc(),
        org.oligotrial.randomization.FactorIds.of(Map.of("histology", "cell_type")));
    assertThat(renamed.compare(reg.audit()).differences()).noneMatch(d -> d.contains(id));
    org.oligotrial.server.audit.StateReplay literal = org.oligotrial.server.StateReplays.of(reg.jdbc(),
        org.oligotrial.randomization.FactorIds.of(Map.of()));
    assertThat(literal.compare(reg.audit()).differences()).filteredOn(d -> d.contains(id))
        .anyMatch(d -> d.contains("stratum")).anyMatch(d -> d.contains("factors_json"));
  }

  @Test
  void onlyAConsentedParticipantCanBeRandomized() {
    String id = reg.participants().register(coordA, "A", "RZ-E-" + System.nanoTime(), typical()).participant().id();
    assertThat(service.preview(invA, id).blockingReasons()).extracting(RandomizationPreview.BlockingReason::field)
        .containsExactly("status");
    assertThatThrownBy(() -> service.randomize(invA, id, null)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("ELIGIBLE");
  }

  @Test
  void confirmedLevelsThatDifferFromTheDerivedOnesAreRefused() {
    String id = consented(typical());
    Map<String, String> wrong = new java.util.LinkedHashMap<>(service.preview(invA, id).confirmFactors());
    wrong.put("brain_metastasis", "no");
    assertThatThrownBy(() -> service.randomize(invA, id, wrong)).isInstanceOf(ConflictException.class)
        .satisfies(e -> assertThat(((ConflictException) e).field()).isEqualTo("confirmFactors"));
    assertThat(reg.participants().history(invA, id).participant().status()).isEqualTo(ParticipantStatus.CONSENTED);
  }

  @Test
  void onlyInvestigatorsAndCoordinatorsOfTheSiteRandomizeAndRefusalsAreAudited() {
    String id = consented(typical());
    for (Actor a : List.of(dmA, monitorA, coordB, statistician, admin)) {
      assertThatThrownBy(() -> service.randomize(a, id, null)).as(a.username())
          .isInstanceOf(SiteAccessDeniedException.class);
    }
    assertThat(reg.audit().forRecord("participant", id)).filteredOn(e -> e.entry().action() == AuditAction.ACCESS_DENIED)
        .hasSize(5);
    assertThat(reg.participants().history(coordA, id).participant().status()).isEqualTo(ParticipantStatus.CONSENTED);
  }

  @Test
  void theRecordCannotBeChangedOrDeletedEvenWithSql() {
    String id = consented(typical());
    service.randomize(coordA, id, null);
    assertThatThrownBy(() -> sql("UPDATE randomization SET arm = 'RT+' WHERE participant_id = '" + id + "'"))
        .rootCause().hasMessageContaining("immutable");
    assertThatThrownBy(() -> sql("DELETE FROM randomization WHERE participant_id = '" + id + "'"))
        .rootCause().hasMessageContaining("immutable");
    assertThatThrownBy(() -> sql("UPDATE randomization_seed SET seed_hex = '00'")).rootCause()
        .hasMessageContaining("immutable");
    assertThatThrownBy(() -> sql("DELETE FROM randomization_seed")).rootCause()
        .hasMessageContaining("immutable");
  }

  @Test
  void aFailureLateInTheTransactionLeavesNoRecordNoStateChangeAndNoGap() {
    String id = consented(typical());
    service.randomize(coordA, consented(typical()), null);
    int before = service.repository().trial(service.trialId()).orElseThrow().allocated();
    // the status change is written after the record and the new state: make it fail for this participant only
    sql("ALTER TABLE status_change ADD CONSTRAINT test_refuse_one CHECK (participant_id <> '" + id
        + "' OR to_status <> 'RANDOMIZED')");
    try {
      assertThatThrownBy(() -> service.randomize(coordA, id, null))
          .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
    } finally {
      sql("ALTER TABLE status_change DROP CONSTRAINT test_refuse_one");
    }
    assertThat(service.repository().find(id)).isEmpty();
    assertThat(service.repository().trial(service.trialId()).orElseThrow().allocated()).isEqualTo(before);
    assertThat(reg.participants().history(coordA, id).participant().status()).isEqualTo(ParticipantStatus.CONSENTED);
    assertThat(reg.audit().forRecord("participant", id))
        .noneMatch(e -> String.valueOf(e.entry().field()).startsWith("randomization."));
    assertThat(service.randomize(coordA, id, null).sequence()).isEqualTo(before + 1);
  }

  @Test
  void aWrongStratumIsDocumentedByADeviationNoteNotByRandomizingAgain() {
    String id = consented(typical());
    RandomizationRecord r = service.randomize(coordA, id, null);
    Deviation d = service.noteDeviation(dmA, id, "brain lesion was a haemangioma on review: intracranial=no");
    assertThat(d.seq()).isEqualTo(1);
    RandomizationService.Randomized after = service.find(monitorA, id);
    assertThat(after.record()).isEqualTo(r);
    assertThat(after.deviations()).containsExactly(d);
    assertThat(reg.audit().forRecord("participant", id)).extracting(e -> e.entry().field())
        .contains("randomization.deviation[1]");
    assertThatThrownBy(() -> service.noteDeviation(monitorA, id, "x")).isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> service.noteDeviation(dmA, id, " ")).isInstanceOf(InvalidFieldException.class);
    String notRandomized = consented(typical());
    assertThatThrownBy(() -> service.noteDeviation(dmA, notRandomized, "x")).isInstanceOf(ConflictException.class);
  }

  @Test
  void onlyTheStatisticianExportsTheAllocationLogAndEachExportIsAudited() {
    String id = consented(typical());
    service.randomize(coordA, id, null);
    for (Actor a : List.of(coordA, invA, dmA, monitorA, coordB, admin)) {
      assertThatThrownBy(() -> exports.allocationLog(a)).as(a.username())
          .isInstanceOf(SiteAccessDeniedException.class);
      assertThatThrownBy(() -> exports.sealedList(a, 2)).as(a.username())
          .isInstanceOf(SiteAccessDeniedException.class);
    }
    assertThat(exports.allocationLog(statistician)).extracting(RandomizationRecord::participantId).contains(id);
    assertThatThrownBy(() -> exports.sealedList(statistician, 2)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("minimization");
    assertThat(reg.audit().forRecord(RandomizationService.ENTITY, service.trialId()))
        .extracting(e -> e.entry().action())
        .contains(AuditAction.EXPORT, AuditAction.ACCESS_DENIED);
    assertThat(reg.audit().forRecord(RandomizationService.ENTITY, service.trialId()))
        .noneMatch(e -> String.valueOf(e.entry().newValue()).contains(service.repository().seedHex(service.trialId())));
  }

  @Test
  void sixtyFourConcurrentRandomizationsTakeConsecutiveNumbersAndReplayExactly() throws Exception {
    Random rnd = new Random(20170418);
    String[] histologies = {"squamous", "adenocarcinoma", "large-cell"};
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      String mets = rnd.nextBoolean() ? "{\"site\":\"brain\",\"lesions\":1}"
          : "{\"site\":\"bone\",\"lesions\":" + (1 + rnd.nextInt(5)) + "}";
      ids.add(consented(record(histologies[rnd.nextInt(3)], rnd.nextBoolean() ? "mutant" : "wild-type",
          rnd.nextBoolean() ? "T1b" : "T4", rnd.nextBoolean() ? "N0" : "N2", mets)));
    }
    int before = exports.allocationLog(statistician).size();
    ExecutorService pool = Executors.newFixedThreadPool(64);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<RandomizationRecord>> futures = new ArrayList<>();
    for (String id : ids) {
      Callable<RandomizationRecord> c = () -> {
        start.await();
        return service.randomize(ids.indexOf(id) % 2 == 0 ? coordA : invA, id, null);
      };
      futures.add(pool.submit(c));
    }
    start.countDown();
    List<RandomizationRecord> made = new ArrayList<>();
    for (Future<RandomizationRecord> f : futures) {
      made.add(f.get(120, TimeUnit.SECONDS));
    }
    pool.shutdown();

    assertThat(made).extracting(RandomizationRecord::sequence).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(before + 1, before + 64).boxed().toList());
    List<RandomizationRecord> log = exports.allocationLog(statistician);
    assertThat(log).extracting(RandomizationRecord::sequence)
        .containsExactlyElementsOf(IntStream.rangeClosed(1, before + 64).boxed().toList());
    List<Allocation> allocations = log.stream().map(RandomizationRecord::allocation).toList();
    AllocationReplay.Report withSeed = AllocationReplay.withSeed(service.randomizer(), allocations);
    assertThat(withSeed.mismatches()).isEmpty();
    assertThat(withSeed.checked()).isEqualTo(before + 64);
    assertThat(AllocationReplay.fromRecordedDraws(service.scheme(), allocations).mismatches()).isEmpty();
    RandomizationState stored = service.repository().trial(service.trialId()).orElseThrow().state();
    assertThat(stored).isEqualTo(RandomizationState.fromHistory(service.scheme(), allocations));
    for (String id : ids) {
      assertThat(reg.participants().history(coordA, id).participant().status())
          .isEqualTo(ParticipantStatus.RANDOMIZED);
    }
    assertThat(reg.verifier().verify().intact()).isTrue();
  }
}
