package org.oligotrial.server.datacapture.state;

import org.oligotrial.server.testing.ScriptedEvaluator;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.endpoints.Rederivation;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.DateRuleException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.Consent;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.StatusChange;
import org.oligotrial.server.participant.Withdrawal;
import org.oligotrial.server.randomization.RandomizationRecord;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.web.reports.Consort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Hand-built participant histories entered through the services on a real database (H2 or PostgreSQL by subclass):
 * the date rules on every path, the status that follows the data, the CONSORT boxes per arm, and the endpoints
 * re-derived and audited as derivations after each change. Participants are randomized for real on {@link #DAY0};
 * data capture's today is {@code DAY0 + 200}; the register's clock is the system clock (consent and withdrawal).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ClinicalStateContract {
  static final Protocol PROTOCOL = ProtocolLoader.bundled();
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  static final LocalDate TODAY = DAY0.plusDays(200);
  static final String BIRTH = "1962-07-21";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  final Actor coord = new Actor("coord.a", Role.COORDINATOR, Set.of("A"));
  private final AtomicInteger seq = new AtomicInteger();
  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  RandomizationService randomization;

  protected abstract String openDatabase();

  protected abstract void closeDatabase();

  @BeforeAll
  void setUp() {
    String url = openDatabase();
    ds = TestRegisters.migrated(url, 4);
    reg = TestRegisters.on(ds);
    reg.sites().add(TestRegisters.admin(), "A", "Site A");
    Clock day0 = Clock.fixed(DAY0.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    randomization = RandomizationService.on(reg, PROTOCOL, ProtocolRandomization.scheme(PROTOCOL), day0);
    dc = DataCapture.on(reg, Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  /** A participant born on {@link #BIRTH}, consented 3 days before and randomized on {@link #DAY0}. */
  RandomizationRecord randomize(String egfr) {
    String record = "{\"birthDate\":\"" + BIRTH + "\"," + ScriptedEvaluator.randomizable(egfr, "N2").substring(1);
    String id = reg.participants().register(coord, "A", "ST-" + seq.incrementAndGet(), record).participant().id();
    reg.participants().recordConsent(coord, id, new Consent("ICF v1", DAY0.minusDays(3), "Dr Li"), null);
    return randomization.randomize(coord, id, null);
  }

  String chemo() {
    return randomize("wild-type").participantId();
  }

  StoredForm form(String p, String type, String values) {
    return dc.forms().create(coord, p, type, null, null, JSON.readTree(values.replace('\'', '"')));
  }

  static String day(int d) {
    return DAY0.plusDays(d).toString();
  }

  StoredForm cycle(String p, int d, int n, String modification) {
    return form(p, "systemic-therapy", "{'date':'" + day(d) + "','regimen':'pemetrexed-cisplatin','cycle':" + n
        + ",'dosePercent':100,'modification':'" + modification + "'"
        + (modification.equals("none") ? "" : ",'modificationReason':'grade 3 pneumonitis'") + "}");
  }

  StoredForm ae(String p, int start, Integer end) {
    return form(p, "adverse-event", "{'term':'Pneumonitis','grade':2,'startDate':'" + day(start) + "'"
        + (end == null ? "" : ",'endDate':'" + day(end) + "'") + ",'serious':false,'relatedToSystemicTherapy':"
        + "'possible','relatedToRadiotherapy':'not-applicable','actionTaken':'none','outcome':'recovering'}");
  }

  StoredForm radiotherapy(String p, int start, int end) {
    return form(p, "radiotherapy", "{'technique':'IMRT','target':'primary','lesionId':'T1','totalDoseGy':60,"
        + "'plannedFractions':30,'fractions':30,'startDate':'" + day(start) + "','endDate':'" + day(end) + "'}");
  }

  ParticipantStatus status(String p) {
    return reg.participants().history(coord, p).participant().status();
  }

  StatusChange lastChange(String p) {
    List<StatusChange> c = reg.participants().history(coord, p).statusChanges();
    return c.get(c.size() - 1);
  }

  static void dateRule(Runnable r, String field, String... words) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(DateRuleException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(words);
    });
  }

  // --- dates: one validator on every path ---

  @Test
  void noObservationIsDatedAfterTheDayItIsEntered() {
    String p = chemo();
    dateRule(() -> ae(p, 201, null), "values.startDate", "onset " + day(201), "after today (" + TODAY + ")");
    dateRule(() -> ae(p, 10, 201), "values.endDate", "resolution " + day(201), "after today (" + TODAY + ")");
    dateRule(() -> cycle(p, 201, 1, "none"), "values.date", day(201), TODAY.toString());
    dateRule(() -> radiotherapy(p, 190, 230), "values.endDate", day(230), TODAY.toString());
    dateRule(() -> form(p, "last-known-alive", "{'date':'" + day(205) + "'}"), "values.date", day(205));
    LocalDate tomorrow = LocalDate.now(ZoneOffset.ofHours(14)).plusDays(1);
    dateRule(() -> reg.participants().recordConsent(coord, p, new Consent("ICF v1", tomorrow, "Dr Li"), "typo"),
        "date", "consent date " + tomorrow, "after today");
    dateRule(() -> reg.participants().changeStatus(coord, p, ParticipantStatus.WITHDRAWN, "wish",
        new Withdrawal(tomorrow, "wish", false)), "withdrawal.date", "withdrawal date " + tomorrow);
    // today itself is accepted, and nothing was half-written by the refusals
    ae(p, 200, null);
    assertThat(dc.forms().list(coord, p)).hasSize(1);
    assertThat(status(p)).isEqualTo(ParticipantStatus.RANDOMIZED);
  }

  @Test
  void nothingBefore1900OrBeforeBirth() {
    String p = chemo();
    dateRule(() -> reg.participants().recordConsent(coord, p, new Consent("ICF v1", LocalDate.of(1899, 12, 31),
        "Dr Li"), "typo"), "date", "1899-12-31 is before 1900-01-01");
    dateRule(() -> reg.participants().recordConsent(coord, p, new Consent("ICF v1", LocalDate.of(1960, 1, 1),
        "Dr Li"), "typo"), "date", "1960-01-01 is before the participant's birth (" + BIRTH + ")");
    dateRule(() -> form(p, "tumour-baseline", "{'date':'1961-01-01','targets':[{'id':'T1','organ':'lung',"
        + "'mm':40}]}"), "values.date", "1961-01-01 is before the participant's birth (" + BIRTH + ")");
  }

  @Test
  void treatmentAndAssessmentsNotBeforeRandomizationExceptTheBaseline() {
    String p = chemo();
    dateRule(() -> cycle(p, -1, 1, "none"), "values.date", day(-1) + " is before randomization (" + day(0) + ")");
    dateRule(() -> radiotherapy(p, -2, 20), "values.startDate", day(-2) + " is before randomization");
    form(p, "tumour-baseline", "{'date':'" + day(-10) + "','targets':[{'id':'T1','organ':'lung','mm':40}]}");
    dateRule(() -> form(p, "tumour-assessment", "{'date':'" + day(-5) + "','targets':{'T1':40},'newLesions':'no'}"),
        "values.date", day(-5) + " is before randomization (" + day(0) + ")");
    // the withdrawal may precede... nothing here: consent before randomization is the normal order
    assertThat(dc.forms().list(coord, p)).extracting(StoredForm::formType).containsExactly("tumour-baseline");
  }

  @Test
  void deathIsTheLastObservation() {
    String p = chemo();
    ae(p, 120, null);
    dateRule(() -> form(p, "death", "{'date':'" + day(100) + "','cause':'unknown'}"), "values.date",
        day(100) + " is before the adverse-event startDate (" + day(120) + "): death is the last observation");
    form(p, "death", "{'date':'" + day(130) + "','cause':'unknown'}");
    dateRule(() -> ae(p, 131, null), "values.startDate", day(131) + " is after the death (" + day(130));
    dateRule(() -> ae(p, 125, 140), "values.endDate", day(140) + " is after the death (" + day(130));
    dateRule(() -> form(p, "last-known-alive", "{'date':'" + day(140) + "'}"), "values.date", "after the death");
    // the participant's death was recorded: the status is DIED, final, so a withdrawal is a conflict first;
    // the consent, though, is checked against the death date
    dateRule(() -> reg.participants().recordConsent(coord, p, new Consent("ICF v1", DAY0.plusDays(140), "Dr Li"),
        "re-consent date"), "date", "after the death (" + day(130));
  }

  // --- the status follows the data ---

  @Test
  void statusFollowsTreatmentFollowUpProgressionAndDeathAuditedAsDerivations() {
    String p = chemo();
    assertThat(status(p)).isEqualTo(ParticipantStatus.RANDOMIZED);
    StoredForm first = cycle(p, 1, 1, "none");
    assertThat(status(p)).isEqualTo(ParticipantStatus.ON_TREATMENT);
    StatusChange c = lastChange(p);
    assertThat(c.by()).isEqualTo(ParticipantService.SYSTEM);
    assertThat(c.reason()).startsWith("first treatment: systemic therapy (pemetrexed-cisplatin) cycle 1 on " + day(1))
        .contains("[derived after form " + first.id() + " (systemic-therapy) version 1 entered by coord.a]");
    List<AuditEvent> trail = reg.participants().auditTrail(coord, p);
    AuditEvent derived = trail.get(trail.size() - 1);
    assertThat(derived.entry().action()).isEqualTo(AuditAction.DERIVE);
    assertThat(derived.entry().actor()).isEqualTo("system");
    assertThat(derived.entry().field()).isEqualTo("status");
    assertThat(derived.entry().oldValue()).isEqualTo("RANDOMIZED");
    assertThat(derived.entry().newValue()).isEqualTo("ON_TREATMENT");
    assertThat(derived.entry().reason()).contains("form " + first.id());

    cycle(p, 22, 2, "none");
    cycle(p, 43, 3, "none");
    assertThat(status(p)).isEqualTo(ParticipantStatus.ON_TREATMENT);
    cycle(p, 64, 4, "none"); // the protocol's 4 planned cycles (chemo-cycle minOccurrences)
    assertThat(status(p)).isEqualTo(ParticipantStatus.OFF_TREATMENT);
    assertThat(lastChange(p).reason()).startsWith("off treatment on " + day(64)
        + ": completed the 4 planned chemotherapy cycles");
    form(p, "last-known-alive", "{'date':'" + day(90) + "'}");
    assertThat(status(p)).isEqualTo(ParticipantStatus.IN_FOLLOW_UP);
    form(p, "progression", "{'date':'" + day(120) + "','site':'thoracic'}");
    assertThat(status(p)).isEqualTo(ParticipantStatus.PROGRESSED);
    form(p, "death", "{'date':'" + day(150) + "','cause':'disease-progression'}");
    assertThat(status(p)).isEqualTo(ParticipantStatus.DIED);
    assertThat(reg.participants().history(coord, p).statusChanges()).extracting(StatusChange::to).containsSubsequence(
        ParticipantStatus.RANDOMIZED, ParticipantStatus.ON_TREATMENT, ParticipantStatus.OFF_TREATMENT,
        ParticipantStatus.IN_FOLLOW_UP, ParticipantStatus.PROGRESSED, ParticipantStatus.DIED);
  }

  @Test
  void radiotherapyStartsTreatmentAndADiscontinuationGivesItsReason() {
    String p = chemo();
    radiotherapy(p, 3, 40);
    assertThat(status(p)).isEqualTo(ParticipantStatus.ON_TREATMENT);
    assertThat(lastChange(p).reason()).startsWith("first treatment: radiotherapy (primary) from " + day(3));
    cycle(p, 5, 1, "none");
    cycle(p, 26, 2, "discontinued");
    assertThat(status(p)).isEqualTo(ParticipantStatus.OFF_TREATMENT);
    assertThat(lastChange(p).reason()).startsWith("off treatment on " + day(26)
        + ": discontinued: grade 3 pneumonitis");
  }

  @Test
  void withdrawalDeathAndLossToFollowUpEndParticipation() {
    String w = chemo();
    cycle(w, 1, 1, "none");
    form(w, "withdrawal", "{'date':'" + day(30) + "','reason':'consent withdrawn','followUpAllowed':false}");
    assertThat(status(w)).isEqualTo(ParticipantStatus.WITHDRAWN);
    assertThat(lastChange(w).reason()).startsWith("withdrawn on " + day(30) + ": consent withdrawn");

    String lost = chemo();
    assertThatThrownBy(() -> reg.participants().changeStatus(coord, lost, ParticipantStatus.ON_TREATMENT, "x", null))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("follows the clinical data");
    assertThatThrownBy(() -> reg.participants().changeStatus(coord, lost, ParticipantStatus.DIED, "x", null))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("death form");
    reg.participants().changeStatus(coord, lost, ParticipantStatus.LOST_TO_FOLLOW_UP, "moved abroad", null);
    // a later treatment record does not bring the participant back; a death learnt later does end it
    cycle(lost, 1, 1, "none");
    assertThat(status(lost)).isEqualTo(ParticipantStatus.LOST_TO_FOLLOW_UP);
    form(lost, "death", "{'date':'" + day(160) + "','cause':'unknown'}");
    assertThat(status(lost)).isEqualTo(ParticipantStatus.DIED);
  }

  @Test
  void aWithdrawalByStatusChangeCensorsTheEndpointsAtOnceAuditedAsADerivation() {
    String p = chemo();
    cycle(p, 1, 1, "none");
    assertThat(dc.rederivation().stored(p)).containsEntry("pfs_reason",
        "no progression; censored at randomization (no adequate assessment after it)");
    reg.participants().changeStatus(coord, p, ParticipantStatus.WITHDRAWN, "participant's wish",
        new Withdrawal(DAY0.plusDays(40), "consent withdrawn", false));

    // no form saved since: the withdrawal alone censors progression-free survival, overall and thoracic
    String trigger = "withdrawal on " + day(40) + " recorded as a status change by coord.a: participant's wish";
    Map<String, String> stored = dc.rederivation().stored(p);
    assertThat(stored).containsEntry("pfs_event", "0")
        .containsEntry("pfs_reason", "withdrawn; censored at randomization (no adequate assessment after it)")
        .containsEntry("tpfs_reason", "withdrawn; censored at randomization (no adequate assessment after it)");
    List<AuditEvent> derived = reg.audit().forRecord(Rederivation.ENTITY, p).stream()
        .filter(e -> e.entry().reason().equals("re-derived after " + trigger)).toList();
    assertThat(derived).extracting(e -> e.entry().field()).containsExactlyInAnyOrder("pfs_reason", "tpfs_reason");
    assertThat(derived).allSatisfy(e -> {
      assertThat(e.entry().action()).isEqualTo(AuditAction.DERIVE);
      assertThat(e.entry().actor()).isEqualTo("system");
    });
    AuditEvent pfs = derived.stream().filter(e -> e.entry().field().equals("pfs_reason")).findFirst().orElseThrow();
    assertThat(pfs.entry().oldValue()).startsWith("no progression;");
    assertThat(pfs.entry().newValue()).startsWith("withdrawn;");
    // what is stored is what a fresh derivation gives: nothing left for the next form to change
    var r = new org.oligotrial.server.randomization.JdbcRandomizationFacts(reg.jdbc(), PROTOCOL.id()).find(p)
        .orElseThrow();
    Map<String, String> again = reg.tx().execute(s -> dc.rederivation().after(r, "A", "check"));
    assertThat(again).isEmpty();
    assertThat(status(p)).isEqualTo(ParticipantStatus.WITHDRAWN);
  }

  // --- CONSORT per arm ---

  @Test
  void consortBoxesPerArmComeFromTheDerivedStatuses() {
    // each participant's expected boxes, written by hand: received?, not-received reason, lost reason,
    // discontinued reason
    record Expect(String id, boolean received, String notReceived, String lost, String discontinued) {}
    List<Expect> expected = new ArrayList<>();
    String treated = chemo();
    cycle(treated, 1, 1, "none");
    expected.add(new Expect(treated, true, null, null, null));
    String completed = chemo();
    for (int i = 0; i < 4; i++) {
      cycle(completed, 1 + 21 * i, i + 1, "none");
    }
    expected.add(new Expect(completed, true, null, null, null));
    String toxic = chemo();
    cycle(toxic, 1, 1, "discontinued");
    expected.add(new Expect(toxic, true, null, null, "discontinued: grade 3 pneumonitis"));
    String lost = chemo();
    radiotherapy(lost, 2, 30);
    reg.participants().changeStatus(coord, lost, ParticipantStatus.LOST_TO_FOLLOW_UP, "moved abroad", null);
    expected.add(new Expect(lost, true, null, "moved abroad", null));
    String died = chemo();
    form(died, "death", "{'date':'" + day(9) + "','cause':'other','causeDetail':'stroke'}");
    expected.add(new Expect(died, false, "died before treatment", null, null));
    String withdrew = chemo();
    form(withdrew, "withdrawal", "{'date':'" + day(4) + "','reason':'consent withdrawn','followUpAllowed':false}");
    expected.add(new Expect(withdrew, false, "withdrew before treatment", null, null));
    String waiting = chemo();
    expected.add(new Expect(waiting, false, "treatment not (yet) recorded", null, null));

    List<ParticipantHistory> mine = new ArrayList<>();
    Map<String, String> armOf = new LinkedHashMap<>();
    for (Expect e : expected) {
      mine.add(reg.participants().history(coord, e.id()));
      armOf.put(e.id(), randomization.find(coord, e.id()).record().arm());
    }
    Consort c = Consort.of(mine, armOf, List.of("RT+", "RT-"));
    assertThat(c.randomized()).isEqualTo(7);
    for (String arm : List.of("RT+", "RT-")) {
      List<Expect> in = expected.stream().filter(e -> armOf.get(e.id()).equals(arm)).toList();
      Consort.ArmFlow f = c.arm(arm);
      assertThat(f.allocated()).as(arm).isEqualTo(in.size());
      assertThat(f.analysed()).as(arm).isEqualTo(in.size());
      assertThat(f.received()).as(arm).isEqualTo((int) in.stream().filter(Expect::received).count());
      assertThat(f.notReceived()).as(arm).isEqualTo(tally(in.stream().map(Expect::notReceived).toList()));
      assertThat(f.lost()).as(arm).isEqualTo(tally(in.stream().map(Expect::lost).toList()));
      assertThat(f.discontinued()).as(arm).isEqualTo(tally(in.stream().map(Expect::discontinued).toList()));
    }
    assertThat(c.arm("RT+").received() + c.arm("RT-").received()).isEqualTo(4);
  }

  private static Map<String, Integer> tally(List<String> reasons) {
    Map<String, Integer> m = new TreeMap<>();
    reasons.stream().filter(r -> r != null).forEach(r -> m.merge(r, 1, Integer::sum));
    return m;
  }

  // --- endpoints re-derived after every change, audited as derivations ---

  @Test
  void aChangedProgressionFormReDerivesTheEndpointsAuditedAsADerivation() {
    String p = chemo();
    StoredForm prog = form(p, "progression", "{'date':'" + day(49) + "','site':'thoracic'}");
    Map<String, String> stored = dc.rederivation().stored(p);
    assertThat(stored).containsEntry("pfs_time", "49").containsEntry("pfs_event", "1")
        .containsEntry("tpfs_time", "49");
    List<AuditEvent> trail = reg.audit().forRecord(Rederivation.ENTITY, p);
    AuditEvent pfsEvent = trail.stream().filter(e -> "pfs_event".equals(e.entry().field())).reduce((a, b) -> b)
        .orElseThrow();
    assertThat(pfsEvent.entry().action()).isEqualTo(AuditAction.DERIVE);
    assertThat(pfsEvent.entry().actor()).isEqualTo("system");
    assertThat(pfsEvent.entry().newValue()).isEqualTo("1");
    assertThat(pfsEvent.entry().reason()).isEqualTo("re-derived after form " + prog.id()
        + " (progression) version 1 entered by coord.a");

    dc.forms().update(coord, prog.id(), JSON.readTree("{\"date\":\"" + day(63) + "\",\"site\":\"thoracic\"}"),
        "date read from the CT report", prog.version());
    assertThat(dc.rederivation().stored(p)).containsEntry("pfs_time", "63");
    AuditEvent moved = reg.audit().forRecord(Rederivation.ENTITY, p).stream()
        .filter(e -> "pfs_time".equals(e.entry().field())).reduce((a, b) -> b).orElseThrow();
    assertThat(moved.entry().oldValue()).isEqualTo("49");
    assertThat(moved.entry().newValue()).isEqualTo("63");
    assertThat(moved.entry().reason()).isEqualTo("re-derived after form " + prog.id()
        + " (progression) version 2 changed by coord.a: date read from the CT report");
    // nothing else changed: no audit row for the arm or the strata
    assertThat(reg.audit().forRecord(Rederivation.ENTITY, p)).filteredOn(e -> "arm".equals(e.entry().field()))
        .hasSize(1);
  }

  static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  // --- RECIST progression, reconciliation and corrections (structured tumour forms stored as entered) ---

  static final String LESIONS = "{'date':'" + day(-7) + "','lesions':["
      + "{'id':'T1','type':'target','site':'lung','nodal':false,'mm':40,'method':'CT','role':'primary'},"
      + "{'id':'T2','type':'target','site':'adrenal','nodal':false,'mm':20,'method':'CT','role':'oligometastatic'}]}";

  static String followUp(int d, int t1, int t2, String newLesions) {
    return "{'date':'" + day(d) + "','targets':{'T1':" + t1 + ",'T2':" + t2 + "},'nonTargets':{},'newLesions':["
        + newLesions + "]}";
  }

  /** Stores a tumour form as the structured lesion editor saves it, without going through the form service. */
  String stored(String p, String type, int d, String values) {
    String id = org.oligotrial.server.kernel.Ids.next();
    java.time.OffsetDateTime at = java.time.OffsetDateTime.of(TODAY.atStartOfDay(), ZoneOffset.UTC);
    reg.jdbc().sql("INSERT INTO crf_form (id, participant_id, site_code, form_type, form_date, values_json, version,"
            + " status, created_at, created_by, updated_at, updated_by, trial_id, protocol_version) VALUES (:id, :p,"
            + " 'A', :t, :d, :v, 1, 'ENTERED', :at, 'coord.a', :at, 'coord.a', :trial, 1)")
        .param("id", id).param("trial", PROTOCOL.id()).param("p", p).param("t", type).param("d", DAY0.plusDays(d))
        .param("v", json(values).toString()).param("at", at).update();
    return id;
  }

  void restore(String formId, String values) {
    reg.jdbc().sql("UPDATE crf_form SET values_json = :v, version = version + 1 WHERE id = :id")
        .param("v", json(values).toString()).param("id", formId).update();
  }

  void rederive(String p, String trigger) {
    var r = new org.oligotrial.server.randomization.JdbcRandomizationFacts(reg.jdbc(), PROTOCOL.id()).find(p)
        .orElseThrow();
    reg.tx().executeWithoutResult(s -> dc.rederivation().after(r, "A", trigger));
  }

  List<org.oligotrial.server.datacapture.queries.DataQuery> reconciliationQueries(String p) {
    return dc.queries().list(new Actor("dm.a", Role.DATA_MANAGER, Set.of("A")), "A", null).stream()
        .filter(q -> q.participantId().equals(p) && q.raisedBy().equals("reconciliation")).toList();
  }

  @Test
  void aCorrectedAssessmentRemovingThePdRemovesTheEventAuditedAsADerivation() {
    String p = chemo();
    stored(p, "tumour-baseline", -7, LESIONS);
    stored(p, "tumour-assessment", 42, followUp(42, 25, 12, ""));
    String pd = stored(p, "tumour-assessment", 84,
        followUp(84, 25, 12, "{'id':'NL1','site':'liver','equivocal':false}"));
    rederive(p, "assessment " + pd + " entered");
    // RECIST 1.1: a new unequivocal lesion is progression at that scan (Eisenhauer 2009, section 4.3.2)
    assertThat(dc.rederivation().stored(p)).containsEntry("pfs_time", "84").containsEntry("pfs_event", "1")
        .containsEntry("pfs_source", "RECIST");
    assertThat(status(p)).isEqualTo(ParticipantStatus.PROGRESSED);

    restore(pd, followUp(84, 25, 12, "")); // the liver lesion re-read as a cyst
    rederive(p, "assessment " + pd + " version 2 changed by dm.a: liver lesion re-read as a cyst");
    // no progression any more: censored at the last adequate assessment (day 84)
    assertThat(dc.rederivation().stored(p)).containsEntry("pfs_time", "84").containsEntry("pfs_event", "0")
        .containsEntry("pfs_source", "CENSORED");
    AuditEvent gone = reg.audit().forRecord(Rederivation.ENTITY, p).stream()
        .filter(e -> "pfs_event".equals(e.entry().field())).reduce((a, b) -> b).orElseThrow();
    assertThat(gone.entry().action()).isEqualTo(AuditAction.DERIVE);
    assertThat(gone.entry().actor()).isEqualTo("system");
    assertThat(gone.entry().oldValue()).isEqualTo("1");
    assertThat(gone.entry().newValue()).isEqualTo("0");
    assertThat(gone.entry().reason()).isEqualTo("re-derived after assessment " + pd
        + " version 2 changed by dm.a: liver lesion re-read as a cyst");
    // the status follows: PROGRESSED corrected back, recorded and audited as a derivation
    assertThat(status(p)).isEqualTo(ParticipantStatus.RANDOMIZED);
    assertThat(lastChange(p).reason()).startsWith("corrected: randomized [derived after assessment " + pd);
    // the reconciliation query the PD had opened is closed as reconciled
    assertThat(reconciliationQueries(p)).singleElement().satisfies(q -> {
      assertThat(q.origin()).isEqualTo("RECIST_PD_WITHOUT_FORM");
      assertThat(q.status()).isEqualTo("CLOSED");
      assertThat(q.closedBy()).isEqualTo("system");
      assertThat(q.closeNote()).startsWith("reconciled");
    });
  }

  @Test
  void reconciliationOpensOneQueryPerDisagreementWithBothValuesAndClosesItWhenReconciled() {
    String p = chemo();
    stored(p, "tumour-baseline", -7, LESIONS);
    String pd = stored(p, "tumour-assessment", 56,
        followUp(56, 40, 20, "{'id':'NL1','site':'liver','equivocal':false}"));
    rederive(p, "assessment entered");
    rederive(p, "assessment looked at again"); // not duplicated while open
    assertThat(reconciliationQueries(p)).singleElement().satisfies(q -> {
      assertThat(q.origin()).isEqualTo("RECIST_PD_WITHOUT_FORM");
      assertThat(q.formId()).isEqualTo(pd);
      assertThat(q.field()).isEqualTo("values.date");
      assertThat(q.status()).isEqualTo("OPEN");
      assertThat(q.text()).contains("(RECIST progression: " + day(56) + " | progression form: none)");
    });
    // a progression form on another date: the dates differ, side by side
    StoredForm prog = form(p, "progression", "{'date':'" + day(60) + "','site':'new-distant'}");
    List<org.oligotrial.server.datacapture.queries.DataQuery> q2 = reconciliationQueries(p);
    assertThat(q2).filteredOn(q -> q.status().equals("OPEN")).singleElement().satisfies(q -> {
      assertThat(q.origin()).isEqualTo("DATES_DIFFER");
      assertThat(q.formId()).isEqualTo(prog.id());
      assertThat(q.text()).contains("(RECIST progression: " + day(56) + " | progression form: " + day(60) + ")");
    });
    assertThat(q2).filteredOn(q -> q.origin().equals("RECIST_PD_WITHOUT_FORM")).singleElement()
        .satisfies(q -> assertThat(q.status()).isEqualTo("CLOSED"));
    // the form corrected to the RECIST date: reconciled, closed by the system, audited as a derivation
    dc.forms().update(coord, prog.id(), json("{'date':'" + day(56) + "','site':'new-distant'}"),
        "date of the scan", prog.version());
    assertThat(reconciliationQueries(p)).allSatisfy(q -> assertThat(q.status()).isEqualTo("CLOSED"));
    var closed = reconciliationQueries(p).stream().filter(q -> q.origin().equals("DATES_DIFFER")).findFirst()
        .orElseThrow();
    assertThat(closed.closeNote()).startsWith("reconciled").contains("changed by coord.a: date of the scan");
    List<AuditEvent> trail = reg.audit().forRecord("query", closed.id());
    assertThat(trail.get(trail.size() - 1).entry().action()).isEqualTo(AuditAction.DERIVE);
    assertThat(dc.rederivation().stored(p)).containsEntry("pfs_source", "RECIST").containsEntry("pfs_time", "56");
  }

  @Test
  void aProgressionFormWithoutRecistProgressionOpensAQuery() {
    String p = chemo();
    stored(p, "tumour-baseline", -7, LESIONS);
    stored(p, "tumour-assessment", 42, followUp(42, 25, 12, ""));
    StoredForm prog = form(p, "progression", "{'date':'" + day(70) + "','site':'thoracic'}");
    assertThat(reconciliationQueries(p)).singleElement().satisfies(q -> {
      assertThat(q.origin()).isEqualTo("FORM_WITHOUT_RECIST_PD");
      assertThat(q.formId()).isEqualTo(prog.id());
      assertThat(q.status()).isEqualTo("OPEN");
      assertThat(q.text()).contains("(RECIST progression: none | progression form: " + day(70) + ")");
    });
    // asked once: the one-way EC8 check is left to the reconciliation when the lesions are structured
    assertThat(dc.queries().ofForm(prog.id())).extracting(org.oligotrial.server.datacapture.queries.DataQuery::origin)
        .containsExactly("FORM_WITHOUT_RECIST_PD");
    // the clinical progression still decides PFS, with its source
    assertThat(dc.rederivation().stored(p)).containsEntry("pfs_source", "CLINICAL").containsEntry("pfs_time", "70");
  }
}
