package org.oligotrial.server.datacapture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.ParticipantEndpoints;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.Main;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.datacapture.endpoints.EndpointService;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.datacapture.visits.ExpectedVisit;
import org.oligotrial.server.datacapture.visits.VisitStatus;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.PreconditionRequiredException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data capture on a real database (H2 or PostgreSQL by subclass): forms checked against the protocol file, edit
 * checks, audit with reasons, queries, alerts, signing and locking, visits and endpoints derived from stored forms,
 * and the analysis-dataset export read by {@code oligotrial analyze km}. Participants are randomized on
 * {@link #DAY0} through {@link FixedRandomizationFacts}; today is set by a {@link MutableClock}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataCaptureContract {
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  static final String PASSWORD = "correct horse battery";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  final FixedRandomizationFacts facts = new FixedRandomizationFacts();
  final MutableClock clock = new MutableClock(DAY0.plusDays(150));
  Actor inv;
  Actor coord;
  Actor dm;
  Actor monitor;
  Actor stat;
  Actor dsmb;
  Actor coordB;
  Actor dmB;

  abstract String openDatabase();

  abstract void closeDatabase();

  @BeforeAll
  void setUp() {
    String url = openDatabase();
    ds = TestRegisters.migrated(url, 8);
    reg = TestRegisters.on(ds);
    dc = DataCapture.on(reg, ProtocolLoader.bundled(), facts, clock);
    Actor admin = TestRegisters.admin();
    reg.sites().add(admin, "A", "Site A");
    reg.sites().add(admin, "B", "Site B");
    inv = user(admin, "inv.a", Role.INVESTIGATOR, "A");
    coord = user(admin, "coord.a", Role.COORDINATOR, "A");
    dm = user(admin, "dm.a", Role.DATA_MANAGER, "A");
    monitor = user(admin, "mon.a", Role.MONITOR, "A");
    stat = user(admin, "stat", Role.STATISTICIAN);
    dsmb = user(admin, "dsmb.a", Role.DSMB);
    coordB = user(admin, "coord.b", Role.COORDINATOR, "B");
    dmB = user(admin, "dm.b", Role.DATA_MANAGER, "B");
  }

  @AfterAll
  void tearDown() {
    ds.close();
    closeDatabase();
  }

  private Actor user(Actor admin, String name, Role role, String... sites) {
    reg.users().add(admin, name, role, Set.of(sites), PASSWORD);
    return reg.users().find(name).orElseThrow().actor();
  }

  /** A participant at site A randomized on DAY0. */
  String randomized(String arm, String therapy) {
    String id = reg.participants().register(coord, "A", "A-" + UUID.randomUUID().toString().substring(0, 12),
        ScriptedEvaluator.record("ELIGIBLE")).participant().id();
    facts.add(id, arm, DAY0, therapy);
    return id;
  }

  static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  static String day(int d) {
    return DAY0.plusDays(d).toString();
  }

  StoredForm ae(String p, int startDay, int grade, boolean serious) {
    return dc.forms().create(coord, p, "adverse-event", null, null, json("{'term':'Pneumonitis','grade':" + grade
        + ",'startDate':'" + day(startDay) + "','serious':" + serious + ",'relatedToSystemicTherapy':'possible',"
        + "'relatedToRadiotherapy':'probable','actionTaken':'none','outcome':'recovering'}"));
  }

  StoredForm baseline(String p) {
    return dc.forms().create(coord, p, "tumour-baseline", null, null, json("{'date':'" + day(-10) + "','targets':["
        + "{'id':'T1','organ':'lung','mm':40},{'id':'T2','organ':'liver','mm':20}],'nonTargets':[]}"));
  }

  StoredForm assessment(String p, int d, int t1, int t2) {
    return dc.forms().create(coord, p, "tumour-assessment", null, null, json("{'date':'" + day(d)
        + "','targets':{'T1':" + t1 + ",'T2':" + t2 + "},'newLesions':'no'}"));
  }

  StoredForm progression(String p, int d, String site) {
    return dc.forms().create(coord, p, "progression", null, null,
        json("{'date':'" + day(d) + "','site':'" + site + "'}"));
  }

  StoredForm dated(String p, String type, int d, String extra) {
    return dc.forms().create(coord, p, type, null, null, json("{'date':'" + day(d) + "'" + extra + "}"));
  }

  StoredForm radiotherapy(String p, String dose, int planned, int delivered, int start, int end) {
    return dc.forms().create(coord, p, "radiotherapy", null, null, json("{'technique':'IMRT','target':'primary',"
        + "'lesionId':'T1','totalDoseGy':" + dose + ",'plannedFractions':" + planned + ",'fractions':" + delivered
        + ",'startDate':'" + day(start) + "','endDate':'" + day(end) + "'}"));
  }

  private static void invalid(Runnable r, String field, String text) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
      assertThat(e).isNotInstanceOf(ConflictException.class);
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(text);
    });
  }

  // --- forms: validation against the protocol file ---

  @Test
  void valuesAreCheckedAgainstTheProtocolFileWithTheFieldNamed() {
    String p = randomized("RT+", "non-targeted");
    String ok = "'term':'Fatigue','startDate':'" + day(5) + "','serious':false,'relatedToSystemicTherapy':'possible',"
        + "'relatedToRadiotherapy':'unrelated','actionTaken':'none','outcome':'recovered'";
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null, json("{" + ok + ",'grade':6}")),
        "values.grade", "grade 6 does not exist for Fatigue");
    // CTCAE v5.0 Fatigue: grade 3 "Fatigue not relieved by rest, limiting self care ADL"; grades 4 and 5 "-"
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null, json("{" + ok + ",'grade':4}")),
        "values.grade", "grade 4 does not exist for Fatigue in CTCAE v5.0; allowed grades: 1, 2, 3");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null,
        json("{" + ok.replace("'Fatigue'", "'low platelets'") + ",'grade':2}")), "values.term",
        "is not a CTCAE v5.0 term: 'low platelets'; nearest: Platelet count decreased");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null,
        json("{" + ok.replace("'Fatigue'", "{'term':'Eye disorders - Other, specify'}") + ",'grade':2}")),
        "values.term.otherSpecify", "is required");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null, json("{" + ok + ",'grade':2.5}")),
        "values.grade", "whole number");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null,
        json("{" + ok.replace("'term':'Fatigue',", "") + ",'grade':2}")), "values.term", "is required");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null, json("{" + ok + ",'grade':2,'colour':1}")),
        "values.colour", "unknown field");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null,
        json("{" + ok.replace(day(5), "2025-13-01") + ",'grade':2}")), "values.startDate", "yyyy-mm-dd");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null,
        json("{" + ok.replace("'none'", "'ignored'") + ",'grade':2}")), "values.actionTaken", "must be one of");
    invalid(() -> dc.forms().create(coord, p, "systemic-therapy", null, null, json("{'date':'" + day(1)
        + "','regimen':'pemetrexed-cisplatin','cycle':1,'dosePercent':80,'modification':'dose-reduced'}")),
        "values.modificationReason", "is required when modification is dose-reduced");
    invalid(() -> dc.forms().create(coord, p, "case-report", null, null, json("{}")), "formType", "unknown form");
    invalid(() -> dc.forms().create(coord, p, "adverse-event", null, null, json("[1]")), "values", "JSON object");
  }

  @Test
  void responseIsComputedByTheRecistEngineNeverTyped() {
    String p = randomized("RT+", "non-targeted");
    baseline(p);
    StoredForm pr = assessment(p, 49, 20, 10);
    assertThat(json(pr.derivedJson()).get("overallResponse").asString()).isEqualTo("PR");
    StoredForm pd = assessment(p, 98, 40, 20);
    assertThat(json(pd.derivedJson()).get("overallResponse").asString()).isEqualTo("PD");
    assertThat(json(pd.derivedJson()).get("progressionDate").asString()).isEqualTo(day(98));
    invalid(() -> dc.forms().create(coord, p, "tumour-assessment", null, null, json("{'date':'" + day(140)
        + "','targets':{'T1':40,'T2':20},'newLesions':'no','overallResponse':'CR'}")), "values.overallResponse",
        "unknown field");
    invalid(() -> assessment(p, 98, 40, 20), "values.date", "another tumour assessment");
    invalid(() -> dc.forms().create(coord, p, "tumour-assessment", null, null, json("{'date':'" + day(140)
        + "','targets':{'T1':-4,'T2':20},'newLesions':'no'}")), "values.targets.T1", "");
    // the progression on the PD date opens no query; a progression on another date does (EC8)
    StoredForm onPd = progression(p, 98, "thoracic");
    assertThat(dc.queries().ofForm(onPd.id())).isEmpty();
  }

  @Test
  void aBackEnteredAssessmentReDerivesTheLaterOnes() {
    String p = randomized("RT+", "non-targeted");
    baseline(p); // sum 60 mm
    StoredForm later = assessment(p, 98, 36, 18); // 54 mm: -10 % from baseline, SD
    assertThat(json(later.derivedJson()).get("overallResponse").asString()).isEqualTo("SD");
    assessment(p, 49, 20, 10); // 30 mm entered afterwards: the nadir for day 98 becomes 30 mm, +80 %: PD
    StoredForm now = dc.forms().get(coord, later.id());
    assertThat(json(now.derivedJson()).get("overallResponse").asString()).isEqualTo("PD");
    assertThat(dc.forms().auditTrail(coord, later.id())).anySatisfy(e -> {
      assertThat(e.entry().field()).isEqualTo("derived.overallResponse");
      assertThat(e.entry().oldValue()).isEqualTo("SD");
      assertThat(e.entry().newValue()).isEqualTo("PD");
      assertThat(e.entry().reason()).startsWith("re-derived");
    });
  }

  @Test
  void baselineEnteredBeforeRandomizationCompletesTheBaselineVisit() {
    String p = reg.participants().register(coord, "A", "A-pre-" + UUID.randomUUID().toString().substring(0, 8),
        ScriptedEvaluator.record("ELIGIBLE")).participant().id();
    StoredForm b = baseline(p);
    assertThat(b.visitId()).isNull();
    facts.add(p, "RT-", DAY0, "targeted");
    assertThat(dc.visits().forParticipant(coord, p)).filteredOn(v -> v.visitId().equals("baseline"))
        .singleElement().satisfies(v -> {
          assertThat(v.status()).isEqualTo(VisitStatus.DONE);
          assertThat(v.formId()).isEqualTo(b.id());
        });
  }

  @Test
  void progressionNotOnAPdAssessmentOpensAQuery() {
    String p = randomized("RT-", "non-targeted");
    baseline(p);
    assessment(p, 49, 38, 20);
    StoredForm prog = progression(p, 60, "new-distant");
    assertThat(dc.queries().ofForm(prog.id())).singleElement().satisfies(q -> {
      assertThat(q.origin()).isEqualTo("EC8");
      assertThat(q.field()).isEqualTo("values.date");
      assertThat(q.status()).isEqualTo(DataQuery.OPEN);
      assertThat(q.raisedBy()).isEqualTo(DataQuery.EDIT_CHECK);
    });
  }

  @Test
  void radiotherapyDerivesBedAndEqd2ForAlphaBetaTenAndThree() {
    String p = randomized("RT+", "non-targeted");
    // 60 Gy in 30 fractions: d = 2 Gy; BED10 = 60 (1 + 2/10) = 72; EQD2 = 72 / 1.2 = 60;
    // BED3 = 60 (1 + 2/3) = 100; EQD2 = 100 / (5/3) = 60
    JsonNode d = json(radiotherapy(p, "60", 30, 30, 42, 83).derivedJson());
    assertThat(d.get("bed10Gy").decimalValue()).isEqualByComparingTo("72.00");
    assertThat(d.get("eqd2Alpha10Gy").decimalValue()).isEqualByComparingTo("60.00");
    assertThat(d.get("bed3Gy").decimalValue()).isEqualByComparingTo("100.00");
    assertThat(d.get("eqd2Alpha3Gy").decimalValue()).isEqualByComparingTo("60.00");
  }

  @Test
  void radiotherapyEditChecksBlockOrOpenQueries() {
    String p = randomized("RT+", "non-targeted");
    invalid(() -> radiotherapy(p, "60", 30, 30, 42, 40), "values.endDate", "[EC3]");
    // 25 Gy in 5 fractions is outside the plausible 30-70 Gy: saved, with a query (EC5); d = 5 Gy:
    // BED10 = 25 (1 + 0.5) = 37.5, EQD2(10) = 31.25, BED3 = 25 (1 + 5/3) = 66.67, EQD2(3) = 40
    StoredForm sbrt = radiotherapy(p, "25", 5, 5, 42, 48);
    assertThat(json(sbrt.derivedJson()).get("eqd2Alpha10Gy").decimalValue()).isEqualByComparingTo("31.25");
    assertThat(json(sbrt.derivedJson()).get("bed3Gy").decimalValue()).isEqualByComparingTo("66.67");
    assertThat(dc.queries().ofForm(sbrt.id())).extracting(DataQuery::origin).containsExactly("EC5");
    String rtMinus = randomized("RT-", "non-targeted");
    StoredForm deviation = radiotherapy(rtMinus, "60", 30, 30, 42, 83);
    assertThat(dc.queries().ofForm(deviation.id())).extracting(DataQuery::origin).containsExactly("EC7");
  }

  @Test
  void nothingBeforeRandomizationButBaselineAndDeathIsLast() {
    String p = randomized("RT-", "non-targeted");
    // the date rules (ObservationDates) name the field and both dates, before the protocol's EC1 and EC2 run
    invalid(() -> ae(p, -1, 2, false), "values.startDate", day(-1) + " is before randomization (" + day(0) + ")");
    baseline(p); // dated day -10: allowed
    ae(p, 120, 2, false);
    invalid(() -> dated(p, "death", 100, ",'cause':'disease-progression'"), "values.date",
        day(100) + " is before the adverse-event startDate (" + day(120) + "): death is the last observation");
    dated(p, "death", 130, ",'cause':'disease-progression'");
    invalid(() -> ae(p, 131, 2, false), "values.startDate", day(131) + " is after the death (" + day(130));
    assertThatThrownBy(() -> dated(p, "death", 131, ",'cause':'unknown'")).isInstanceOf(ConflictException.class);
  }

  @Test
  void anAdverseEventIsStoredCodedToCtcaeWithItsMeddraCodeAndClass() {
    String p = randomized("RT+", "non-targeted");
    StoredForm f = ae(p, 5, 2, false);
    // CTCAE v5.0: Pneumonitis, MedDRA 10035742, Respiratory, thoracic and mediastinal disorders
    assertThat(JSON.readTree(f.valuesJson()).get("term").toString()).isEqualTo("{\"term\":\"Pneumonitis\","
        + "\"meddraCode\":\"10035742\",\"soc\":\"Respiratory, thoracic and mediastinal disorders\"}");
    StoredForm other = dc.forms().create(coord, p, "adverse-event", null, null, json("{'term':{'meddraCode':"
        + "'10015919','otherSpecify':'conjunctival haemorrhage'},'grade':1,'startDate':'" + day(6) + "',"
        + "'serious':false,'relatedToSystemicTherapy':'possible','relatedToRadiotherapy':'unrelated',"
        + "'actionTaken':'none','outcome':'recovering'}"));
    assertThat(JSON.readTree(other.valuesJson()).path("term").path("term").asString())
        .isEqualTo("Eye disorders - Other, specify");
  }

  @Test
  void anEntryMadeBeforeCodingIsReadAsUncodedAndCodedByAChange() {
    String p = randomized("RT+", "non-targeted");
    StoredForm f = ae(p, 5, 2, false);
    // the form as it was stored before the term was coded: free text
    String legacy = JSON.readTree(f.valuesJson()).deepCopy().toString()
        .replaceFirst("\\{\"term\":\"Pneumonitis\",\"meddraCode\":\"10035742\",\"soc\":\"[^\"]*\"}",
            "\"radiation pneumonitis, mild\"");
    assertThat(legacy).contains("\"term\":\"radiation pneumonitis, mild\"");
    org.springframework.jdbc.core.simple.JdbcClient.create(ds)
        .sql("UPDATE crf_form SET values_json = :v WHERE id = :id").param("v", legacy).param("id", f.id()).update();
    ParticipantEndpoints e = dc.endpoints().forParticipant(stat, p);
    assertThat(e.worstGrades()).containsEntry("radiation pneumonitis, mild", 2);
    assertThat(dc.endpoints().safety(stat).toxicity())
        .filteredOn(t -> t.term().equals("radiation pneumonitis, mild")).singleElement()
        .satisfies(t -> assertThat(t.soc()).isEqualTo("Uncoded (free text, to be coded)"));
    // a change that keeps the free text is refused naming the term; coding it is the change
    invalid(() -> dc.forms().update(coord, f.id(), json(legacy.replace('"', '\'')), "end date known", 1),
        "values.term", "is not a CTCAE v5.0 term: 'radiation pneumonitis, mild'");
    StoredForm coded = dc.forms().update(coord, f.id(), json(legacy.replace('"', '\'')
        .replace("'radiation pneumonitis, mild'", "'Pneumonitis'")), "coded to CTCAE v5.0", 1);
    assertThat(JSON.readTree(coded.valuesJson()).path("term").path("meddraCode").asString()).isEqualTo("10035742");
  }

  @Test
  void anSaeReportSentMoreThan24HoursAfterAwarenessOpensAQuery() {
    String p = randomized("RT+", "non-targeted");
    String base = "'reportType':'initial','term':'Pneumonitis','grade':3,'onsetDate':'" + day(20) + "',"
        + "'awarenessAt':'" + day(21) + "T09:30','resultsInDeath':false,'lifeThreatening':false,"
        + "'hospitalisation':true,'disability':false,'congenitalAnomaly':false,'otherImportantEvent':false,"
        + "'relatedToSystemicTherapy':'possible','relatedToRadiotherapy':'probable','actionTaken':'interrupted',"
        + "'outcome':'recovering','narrative':'admitted with grade 3 pneumonitis, oxygen and steroids'";
    // awareness day 21 09:30: due by day 22 09:30 (24 hours, EC10); 09:30 exactly is on time, 09:31 is late
    StoredForm onTime = dc.forms().create(coord, p, "sae-report", null, null,
        json("{" + base + ",'reportedAt':'" + day(22) + "T09:30'}"));
    assertThat(dc.queries().ofForm(onTime.id())).isEmpty();
    StoredForm late = dc.forms().create(coord, p, "sae-report", null, null,
        json("{" + base + ",'reportedAt':'" + day(22) + "T09:31'}"));
    assertThat(dc.queries().ofForm(late.id())).singleElement().satisfies(q -> {
      assertThat(q.origin()).isEqualTo("EC10");
      assertThat(q.field()).isEqualTo("values.reportedAt");
    });
    invalid(() -> dc.forms().create(coord, p, "sae-report", null, null,
        json("{" + base.replace("T09:30", "T9h30") + "}")), "values.awarenessAt", "yyyy-mm-ddThh:mm");
    // EC12: no seriousness criterion marked is refused at the first criterion
    invalid(() -> dc.forms().create(coord, p, "sae-report", null, null,
        json("{" + base.replace("'hospitalisation':true", "'hospitalisation':false") + "}")),
        "values.resultsInDeath", "at least one seriousness criterion");
  }

  /** An SAE report names a serious adverse-event form of its own participant, or none; anything else is refused. */
  @Test
  void anSaeReportNamesASeriousAdverseEventOfTheSameParticipant() {
    String p = randomized("RT+", "non-targeted");
    String other = randomized("RT-", "non-targeted");
    StoredForm serious = ae(p, 20, 3, true);
    StoredForm mild = ae(p, 21, 1, false);
    StoredForm elsewhere = ae(other, 20, 3, true);
    String base = "'reportType':'initial','term':'Pneumonitis','grade':3,'onsetDate':'" + day(20) + "',"
        + "'awarenessAt':'" + day(21) + "T09:30','reportedAt':'" + day(21) + "T15:00','resultsInDeath':false,"
        + "'lifeThreatening':false,'hospitalisation':true,'disability':false,'congenitalAnomaly':false,"
        + "'otherImportantEvent':false,'relatedToSystemicTherapy':'possible','relatedToRadiotherapy':'probable',"
        + "'actionTaken':'interrupted','outcome':'recovering','narrative':'admitted, oxygen and steroids'";
    invalid(() -> dc.forms().create(coord, p, "sae-report", null, null,
        json("{'adverseEventForm':'" + mild.id() + "'," + base + "}")), "values.adverseEventForm", "not marked serious");
    invalid(() -> dc.forms().create(coord, p, "sae-report", null, null,
        json("{'adverseEventForm':'" + elsewhere.id() + "'," + base + "}")), "values.adverseEventForm",
        "no adverse-event form of this participant");
    invalid(() -> dc.forms().create(coord, p, "sae-report", null, null,
        json("{'adverseEventForm':'" + baseline(p).id() + "'," + base + "}")), "values.adverseEventForm",
        "no adverse-event form of this participant");
    StoredForm ok = dc.forms().create(coord, p, "sae-report", null, null,
        json("{'adverseEventForm':'" + serious.id() + "'," + base + "}"));
    assertThat(JSON.readTree(ok.valuesJson()).path("adverseEventForm").asString()).isEqualTo(serious.id());
    // a report that names no event is still taken (the link can come later)
    assertThat(dc.forms().create(coord, p, "sae-report", null, null, json("{" + base + "}")).id()).isNotNull();
  }

  @Test
  void formsNeedARandomizedParticipantExceptTheBaseline() {
    String p = reg.participants().register(coord, "A", "A-unrandomized", ScriptedEvaluator.record("ELIGIBLE"))
        .participant().id();
    assertThatThrownBy(() -> ae(p, 5, 1, false)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("not randomized");
    assertThat(baseline(p).formType()).isEqualTo("tumour-baseline");
  }

  @Test
  void regimenOutsideTheStratifiedTherapyOpensAQuery() {
    String p = randomized("RT-", "targeted");
    StoredForm chemo = dc.forms().create(coord, p, "systemic-therapy", null, null, json("{'date':'" + day(0)
        + "','regimen':'pemetrexed-cisplatin','cycle':1,'dosePercent':100,'modification':'none'}"));
    assertThat(dc.queries().ofForm(chemo.id())).extracting(DataQuery::origin).containsExactly("EC9");
    StoredForm tki = dc.forms().create(coord, p, "systemic-therapy", null, null, json("{'date':'" + day(28)
        + "','regimen':'egfr-tki','cycle':2,'dosePercent':100,'modification':'none'}"));
    assertThat(dc.queries().ofForm(tki.id())).isEmpty();
  }

  // --- audit ---

  @Test
  void everyFieldIsAuditedAndChangesNeedAReason() {
    String p = randomized("RT+", "non-targeted");
    StoredForm f = ae(p, 10, 2, false);
    List<AuditEvent> created = dc.forms().auditTrail(coord, f.id());
    assertThat(created).extracting(e -> e.entry().field()).contains("formType", "values.term", "values.grade");
    assertThat(created).allSatisfy(e -> {
      assertThat(e.entry().action()).isEqualTo(AuditAction.CREATE);
      assertThat(e.entry().reason()).isNull();
    });
    JsonNode changed = json(f.valuesJson().replace("\"grade\":2", "\"grade\":3"));
    invalid(() -> dc.forms().update(coord, f.id(), changed, " ", 1), "reason", "reason for change");
    invalid(() -> dc.forms().update(coord, f.id(), changed, "\u200b", 1), "reason", "visible character");
    assertThatThrownBy(() -> dc.forms().update(coord, f.id(), changed, "typo", null))
        .isInstanceOf(PreconditionRequiredException.class).hasMessageContaining("version");
    assertThatThrownBy(() -> dc.forms().update(coord, f.id(), changed, "typo", 7))
        .isInstanceOf(ConflictException.class).hasMessageContaining("changed meanwhile");
    StoredForm v2 = dc.forms().update(coord, f.id(), changed, "grade misread from the source document", 1);
    assertThat(v2.version()).isEqualTo(2);
    assertThat(dc.forms().auditTrail(coord, f.id())).filteredOn(e -> e.entry().action() == AuditAction.UPDATE)
        .singleElement().satisfies(e -> {
          assertThat(e.entry().field()).isEqualTo("values.grade");
          assertThat(e.entry().oldValue()).isEqualTo("2");
          assertThat(e.entry().newValue()).isEqualTo("3");
          assertThat(e.entry().reason()).isEqualTo("grade misread from the source document");
          assertThat(e.entry().actor()).isEqualTo("coord.a");
        });
    assertThat(reg.verifier().verify().intact()).isTrue();
  }

  @Test
  void seriousAdverseEventAlertsTheSitesInvestigatorsAndDataManagers() {
    String p = randomized("RT+", "non-targeted");
    StoredForm f = ae(p, 20, 4, true);
    assertThat(dc.alerts().forUser(inv)).anySatisfy(a -> {
      assertThat(a.formId()).isEqualTo(f.id());
      assertThat(a.message()).contains("Pneumonitis").contains("grade 4");
    });
    assertThat(dc.alerts().forUser(dm)).anyMatch(a -> a.formId().equals(f.id()));
    assertThat(dc.alerts().forUser(coord)).noneMatch(a -> a.formId().equals(f.id()));
    assertThat(dc.alerts().forUser(dmB)).noneMatch(a -> a.formId().equals(f.id()));
    // a non-serious event alerts nobody
    StoredForm mild = ae(p, 21, 1, false);
    assertThat(dc.alerts().forUser(inv)).noneMatch(a -> a.formId().equals(mild.id()));
  }

  // --- roles and sites ---

  @Test
  void onlySiteStaffOfTheSiteEnterForms() {
    String p = randomized("RT+", "non-targeted");
    for (Actor a : List.of(monitor, stat, coordB)) {
      assertThatThrownBy(() -> dc.forms().create(a, p, "last-known-alive", null, null,
          json("{'date':'" + day(30) + "'}"))).isInstanceOf(SiteAccessDeniedException.class);
    }
    StoredForm f = dc.forms().create(inv, p, "last-known-alive", null, null, json("{'date':'" + day(30) + "'}"));
    assertThat(dc.forms().get(monitor, f.id()).id()).isEqualTo(f.id());
    assertThat(dc.forms().get(stat, f.id()).id()).isEqualTo(f.id());
    assertThatThrownBy(() -> dc.forms().get(coordB, f.id())).isInstanceOf(SiteAccessDeniedException.class);
    assertThat(dc.forms().create(dm, p, "last-known-alive", null, null, json("{'date':'" + day(31) + "'}")))
        .isNotNull();
  }

  // --- queries ---

  @Test
  void queryIsRaisedAnsweredAndClosedByTheRightPeople() {
    String p = randomized("RT+", "non-targeted");
    StoredForm f = ae(p, 15, 2, false);
    assertThatThrownBy(() -> dc.queries().raise(coord, f.id(), "grade", "really 2?"))
        .isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> dc.queries().raise(dmB, f.id(), "grade", "really 2?"))
        .isInstanceOf(SiteAccessDeniedException.class);
    invalid(() -> dc.queries().raise(dm, f.id(), "grade", " "), "text", "is required");
    invalid(() -> dc.queries().raise(dm, f.id(), "shoeSize", "?"), "field", "has no field 'shoeSize'");
    DataQuery q = dc.queries().raise(dm, f.id(), "grade", "source says grade 3?");
    assertThat(q.field()).isEqualTo("values.grade");
    DataQuery byMonitor = dc.queries().raise(monitor, f.id(), "values.term", "CTCAE term spelled as in v5?");
    assertThat(dc.queries().list(monitor, "A", DataQuery.OPEN)).extracting(DataQuery::id)
        .contains(q.id(), byMonitor.id());
    assertThat(dc.queries().list(coordB, null, null)).extracting(DataQuery::id).doesNotContain(q.id());
    assertThatThrownBy(() -> dc.queries().answer(monitor, q.id(), "yes"))
        .isInstanceOf(SiteAccessDeniedException.class);
    DataQuery answered = dc.queries().answer(coord, q.id(), "grade 2 confirmed in the clinic note");
    assertThat(answered.status()).isEqualTo(DataQuery.ANSWERED);
    assertThatThrownBy(() -> dc.queries().close(monitor, q.id(), null)).isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> dc.queries().close(coord, q.id(), null)).isInstanceOf(SiteAccessDeniedException.class);
    DataQuery closed = dc.queries().close(dm, q.id(), "accepted");
    assertThat(closed.status()).isEqualTo(DataQuery.CLOSED);
    assertThatThrownBy(() -> dc.queries().answer(coord, q.id(), "more")).isInstanceOf(ConflictException.class);
    assertThat(dc.queries().list(dm, "A", DataQuery.OPEN)).extracting(DataQuery::id).doesNotContain(q.id());
    List<AuditEvent> trail = reg.audit().forRecord("query", q.id());
    assertThat(trail).filteredOn(e -> e.entry().action() != AuditAction.ACCESS_DENIED)
        .extracting(e -> e.entry().field()).containsExactly("text", "answer", "status", "status");
    // the three refused attempts on this query (monitor answering, monitor and coordinator closing) are audited
    assertThat(trail).filteredOn(e -> e.entry().action() == AuditAction.ACCESS_DENIED).hasSize(3);
  }

  // --- signing and locking ---

  @Test
  void signLockAndUnlock() {
    String p = randomized("RT+", "non-targeted");
    StoredForm f = ae(p, 30, 2, false);
    // the data-management work lists: entered forms wait for a signature, signed ones for the lock (own sites only)
    assertThat(dc.forms().withStatus(dm, Set.of(StoredForm.ENTERED))).extracting(StoredForm::id).contains(f.id());
    assertThat(dc.forms().withStatus(dm, Set.of(StoredForm.SIGNED))).extracting(StoredForm::id)
        .doesNotContain(f.id());
    assertThat(dc.forms().withStatus(coordB, Set.of(StoredForm.ENTERED))).extracting(StoredForm::id)
        .doesNotContain(f.id());
    invalid(() -> dc.forms().sign(inv, f.id(), "not my password"), "password", "not correct");
    assertThatThrownBy(() -> dc.forms().sign(coord, f.id(), PASSWORD)).isInstanceOf(SiteAccessDeniedException.class);
    assertThat(dc.forms().sign(inv, f.id(), PASSWORD).status()).isEqualTo(StoredForm.SIGNED);
    JsonNode grade3 = json(f.valuesJson().replace("\"grade\":2", "\"grade\":3"));
    StoredForm changed = dc.forms().update(coord, f.id(), grade3, "grade corrected", 1);
    assertThat(changed.status()).isEqualTo(StoredForm.ENTERED);
    assertThat(changed.signedBy()).isNull();
    dc.forms().sign(inv, f.id(), PASSWORD);
    assertThat(dc.forms().withStatus(stat, Set.of(StoredForm.ENTERED, StoredForm.SIGNED)))
        .filteredOn(x -> x.id().equals(f.id())).extracting(StoredForm::status).containsExactly(StoredForm.SIGNED);
    assertThatThrownBy(() -> dc.forms().lock(coord, f.id(), null)).isInstanceOf(SiteAccessDeniedException.class);
    assertThat(dc.forms().lock(dm, f.id(), "database lock for interim analysis").status())
        .isEqualTo(StoredForm.LOCKED);
    JsonNode grade4 = json(f.valuesJson().replace("\"grade\":2", "\"grade\":4"));
    assertThatThrownBy(() -> dc.forms().update(coord, f.id(), grade4, "worse", 2))
        .isInstanceOf(ConflictException.class).hasMessageContaining("locked");
    assertThatThrownBy(() -> dc.forms().unlock(coord, f.id(), "please")).isInstanceOf(SiteAccessDeniedException.class);
    invalid(() -> dc.forms().unlock(dm, f.id(), null), "reason", "reason for change");
    assertThat(dc.forms().unlock(dm, f.id(), "late source document verification finding").status())
        .isEqualTo(StoredForm.SIGNED);
    assertThat(dc.forms().update(coord, f.id(), grade4, "grade from the discharge letter", 2).version())
        .isEqualTo(3);
    assertThat(dc.forms().auditTrail(dm, f.id())).filteredOn(e -> "status".equals(e.entry().field()))
        .extracting(e -> e.entry().newValue())
        .containsExactly("SIGNED", "ENTERED", "SIGNED", "LOCKED", "SIGNED", "ENTERED");
    assertThat(reg.audit().forRecord("form", f.id())).anyMatch(e -> e.entry().action() == AuditAction.ACCESS_DENIED
        && "signature".equals(e.entry().field()));
  }

  // --- visits ---

  @Test
  void visitsAreCompletedByFormsAndOverdueOnesListedBySite() {
    String p = randomized("RT+", "non-targeted");
    dc.forms().create(coord, p, "systemic-therapy", null, null, json("{'date':'" + day(1)
        + "','regimen':'pemetrexed-cisplatin','cycle':1,'dosePercent':100,'modification':'none'}"));
    StoredForm c2 = dc.forms().create(coord, p, "systemic-therapy", "chemo-cycle", 2, json("{'date':'" + day(27)
        + "','regimen':'pemetrexed-cisplatin','cycle':2,'dosePercent':100,'modification':'none'}"));
    assertThat(c2.visitNumber()).isEqualTo(2);
    assertThatThrownBy(() -> dc.forms().create(coord, p, "systemic-therapy", "chemo-cycle", 2, json("{'date':'"
        + day(28) + "','regimen':'pemetrexed-cisplatin','cycle':2,'dosePercent':100,'modification':'none'}")))
        .isInstanceOf(ConflictException.class);
    invalid(() -> dc.forms().create(coord, p, "systemic-therapy", "radiotherapy", 1, json("{'date':'" + day(28)
        + "','regimen':'pemetrexed-cisplatin','cycle':2,'dosePercent':100,'modification':'none'}")), "visit", "");
    List<ExpectedVisit> v = dc.visits().forParticipant(monitor, p);
    assertThat(v).filteredOn(x -> x.visitId().equals("chemo-cycle")).extracting(ExpectedVisit::status)
        .containsExactly(VisitStatus.DONE, VisitStatus.DONE_OUT_OF_WINDOW, VisitStatus.OVERDUE, VisitStatus.OVERDUE);
    assertThat(dc.visits().overdue(coord, null)).anyMatch(o -> o.participantId().equals(p)
        && o.visit().visitId().equals("chemo-cycle") && o.visit().occurrence() == 3);
    assertThat(dc.visits().overdue(coordB, null)).noneMatch(o -> o.participantId().equals(p));
    assertThat(dc.visits().overdue(stat, "A")).anyMatch(o -> o.participantId().equals(p));
    assertThat(dc.visits().overdue(stat, "B")).noneMatch(o -> o.participantId().equals(p));
    // the same visits as the participant's own schedule shows, whichever way they are read
    assertThat(dc.visits().overdue(stat, null)).filteredOn(o -> o.participantId().equals(p))
        .extracting(o -> o.visit().visitId() + "#" + o.visit().occurrence())
        .containsExactlyElementsOf(v.stream().filter(x -> x.status() == VisitStatus.OVERDUE)
            .map(x -> x.visitId() + "#" + x.occurrence()).toList());
    assertThatThrownBy(() -> dc.visits().forParticipant(coordB, p)).isInstanceOf(SiteAccessDeniedException.class);
  }

  // --- endpoints from stored forms ---

  @Test
  void progressionThenDeath() {
    String p = randomized("RT+", "non-targeted");
    baseline(p);
    assessment(p, 49, 20, 10);
    assessment(p, 98, 40, 20);
    progression(p, 98, "thoracic");
    radiotherapy(p, "60", 30, 27, 42, 83);
    ae(p, 60, 3, false);
    dated(p, "death", 140, ",'cause':'disease-progression'");
    ParticipantEndpoints e = dc.endpoints().forParticipant(stat, p);
    assertThat(e.endpoint("pfs").days()).isEqualTo(98);
    assertThat(e.endpoint("pfs").event()).isTrue();
    assertThat(e.endpoint("thoracic-pfs").days()).isEqualTo(98);
    assertThat(e.endpoint("os").days()).isEqualTo(140);
    assertThat(e.endpoint("os").event()).isTrue();
    // the irradiated primary (T1) progressed locally with the thoracic progression
    assertThat(e.endpoint("local-control").days()).isEqualTo(98);
    assertThat(e.endpoint("local-control").event()).isTrue();
    assertThat(e.worstGrades()).containsEntry("Pneumonitis", 3);
    assertThat(e.compliance().delivery().plannedFractions()).isEqualTo(30);
    assertThat(e.compliance().fractionProportion()).isEqualTo(0.9);
    // by arm (the DSMB; the statistician before the trial's results are released: pooled): this participant counts
    // once for pneumonitis, at grade 3
    EndpointService.Safety pooled = dc.endpoints().safety(stat);
    assertThat(pooled.toxicity()).extracting(t -> t.arm()).containsOnly(EndpointService.POOLED);
    assertThat(pooled.compliance()).singleElement().satisfies(c -> assertThat(c.arm()).isEqualTo("all"));
    EndpointService.Safety safety = dc.endpoints().analysis(dsmb).safety();
    assertThat(safety.toxicity()).filteredOn(t -> t.arm().equals("RT+") && t.term().equals("Pneumonitis"))
        .singleElement().satisfies(t -> {
          assertThat(t.grade3OrWorse()).isPositive();
          assertThat(t.soc()).isEqualTo("Respiratory, thoracic and mediastinal disorders");
        });
    assertThat(safety.compliance()).extracting(c -> c.arm()).contains("RT+");
    assertThatThrownBy(() -> dc.endpoints().safety(dm)).isInstanceOf(SiteAccessDeniedException.class);
  }

  @Test
  void deathWithoutProgression() {
    String p = randomized("RT-", "non-targeted");
    baseline(p);
    assessment(p, 49, 38, 20);
    dated(p, "death", 100, ",'cause':'other','causeDetail':'myocardial infarction'");
    ParticipantEndpoints e = dc.endpoints().forParticipant(stat, p);
    // death 51 days after the last assessment (within 2 x 42 days): a PFS event
    assertThat(e.endpoint("pfs").days()).isEqualTo(100);
    assertThat(e.endpoint("pfs").event()).isTrue();
    assertThat(e.endpoint("os").days()).isEqualTo(100);
    assertThat(e.endpoint("local-control")).isNull();
  }

  @Test
  void aDeathOnTheDayOfRandomizationIsSavedAndIsAnEventAtDayZero() {
    String p = randomized("RT-", "non-targeted");
    baseline(p);
    invalid(() -> dated(p, "death", -1, ",'cause':'other','causeDetail':'cardiac arrest'"), "values.date",
        day(-1) + " is before randomization (" + day(0) + ")");
    dated(p, "death", 0, ",'cause':'other','causeDetail':'cardiac arrest'");
    ParticipantEndpoints e = dc.endpoints().forParticipant(stat, p);
    // the form and the derivation agree (core HistoryCheck): a real death, an event at 0 days for OS and PFS
    assertThat(e.endpoint("os").days()).isZero();
    assertThat(e.endpoint("os").event()).isTrue();
    assertThat(e.endpoint("pfs").days()).isZero();
    assertThat(e.endpoint("pfs").event()).isTrue();
  }

  @Test
  void lostToFollowUpIsCensoredAtLastAssessmentAndLastContact() {
    String p = randomized("RT-", "targeted");
    baseline(p);
    assessment(p, 49, 38, 20);
    assessment(p, 98, 38, 19);
    dated(p, "last-known-alive", 120, "");
    ParticipantEndpoints e = dc.endpoints().forParticipant(stat, p);
    assertThat(e.endpoint("pfs").days()).isEqualTo(98);
    assertThat(e.endpoint("pfs").event()).isFalse();
    assertThat(e.endpoint("os").days()).isEqualTo(120);
    assertThat(e.endpoint("os").event()).isFalse();
  }

  @Test
  void withdrawnParticipantIsCensoredAtTheLastAssessmentBeforeWithdrawal() {
    String p = randomized("RT+", "non-targeted");
    baseline(p);
    assessment(p, 49, 38, 20);
    dated(p, "withdrawal", 60, ",'reason':'moved abroad','followUpAllowed':false");
    ParticipantEndpoints e = dc.endpoints().forParticipant(stat, p);
    assertThat(e.endpoint("pfs").days()).isEqualTo(49);
    assertThat(e.endpoint("pfs").event()).isFalse();
    assertThat(e.endpoint("pfs").reason()).contains("withdrawn");
    assertThat(e.endpoint("os").event()).isFalse();
    // after withdrawal without follow-up nothing is expected
    assertThat(dc.visits().forParticipant(coord, p)).noneMatch(v -> v.targetDate().isAfter(DAY0.plusDays(60)));
  }

  // --- export ---

  @Test
  void analysisDatasetIsExportedAndReadByAnalyzeKm(@TempDir Path dir) throws Exception {
    String a = randomized("RT+", "non-targeted");
    baseline(a);
    assessment(a, 49, 40, 20);
    assessment(a, 98, 50, 25);
    progression(a, 98, "thoracic");
    String b = randomized("RT-", "non-targeted");
    dated(b, "last-known-alive", 140, "");
    assertThatThrownBy(() -> dc.endpoints().export(coord)).isInstanceOf(SiteAccessDeniedException.class);
    // the statistician's dataset before the trial's results are released: pooled, no arm nor compliance column
    EndpointService.Dataset pooled = dc.endpoints().export(stat);
    assertThat(pooled.byArm()).isFalse();
    assertThat(pooled.rows()).extracting(r -> r.participantId()).contains(a, b);
    assertThat(pooled.rows()).extracting(r -> r.arm()).containsOnly(EndpointService.POOLED);
    assertThat(reg.audit().latest(1).get(0).entry().action()).isEqualTo(AuditAction.EXPORT);
    assertThat(reg.audit().latest(1).get(0).entry().newValue()).endsWith(", pooled");
    assertThat(pooled.toCsv().lines().findFirst().orElseThrow()).startsWith("participant_id,histology,first_line")
        .doesNotContain("arm").doesNotContain("compliance");
    assertThat(pooled.toCsv()).contains(a + ",non-squamous,non-targeted,no,2-5,III,98,1,").doesNotContain("RT+");
    // the DSMB's, by arm
    EndpointService.Dataset d = dc.endpoints().analysis(dsmb).dataset();
    assertThat(d.byArm()).isTrue();
    assertThat(d.rows()).extracting(r -> r.participantId()).contains(a, b);
    assertThat(reg.audit().latest(1).get(0).entry().newValue()).endsWith(", by arm");
    Path csv = dir.resolve("analysis.csv");
    Files.writeString(csv, d.toCsv(), StandardCharsets.UTF_8);
    String text = Files.readString(csv);
    assertThat(text.lines().findFirst().orElseThrow()).startsWith("participant_id,arm,histology,first_line");
    assertThat(text).contains(a + ",RT+,non-squamous,non-targeted,no,2-5,III,98,1,");
    StringWriter out = new StringWriter();
    var cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(new StringWriter(), true));
    int code = cl.execute("analyze", "km", "--data", csv.toString(), "--time", "pfs_months", "--event", "pfs_event",
        "--group", "arm");
    assertThat(code).isZero();
    assertThat(out.toString()).contains("RT+").contains("RT-");
  }
}
