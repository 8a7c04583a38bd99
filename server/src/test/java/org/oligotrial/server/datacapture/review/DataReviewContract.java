package org.oligotrial.server.datacapture.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEvent;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.datacapture.FixedRandomizationFacts;
import org.oligotrial.server.datacapture.MutableClock;
import org.oligotrial.server.datacapture.forms.CasebookLock;
import org.oligotrial.server.datacapture.forms.SignOff;
import org.oligotrial.server.datacapture.forms.SignOffBlockedException;
import org.oligotrial.server.datacapture.forms.SourceVerification;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data review on a real database (H2 or PostgreSQL by subclass): the query lifecycle (edit-check queries closing
 * themselves when a change makes the check pass, never duplicated, re-opened with a reason), signing and locking
 * refused while queries are open or required data missing (or overridden with a reason where the protocol allows
 * it), the casebook signed with one signature, missing-data codes, and source-data verification.
 *
 * <p>Three views of the trial's protocol share one database: the bundled protocol; the bundled protocol with
 * {@code missing: [ND, UNK]} on the radiotherapy form's planned fractions and {@code signature: {blockers: override}};
 * and the bundled protocol with the radiotherapy form's interruption reason required, as a later protocol version
 * might require it (forms saved before lack it). Edit checks quoted from the bundled protocol file: EC5 (range,
 * query) total dose outside 30-70 Gy; EC6 (date-order, query) fractions delivered above fractions planned.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataReviewContract {
  static final LocalDate DAY0 = LocalDate.of(2025, 1, 6);
  static final String PASSWORD = "correct horse battery";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PLANNED = "{id: plannedFractions, label: fractions planned, type: integer,"
      + " required: true, min: 1, max: 60}";
  private static final String REASON = "{id: interruptionReason, label: reason for the interruption, type: text,"
      + " maxLength: 1000}";

  HikariDataSource ds;
  Register reg;
  DataCapture dc;
  DataCapture lenient;
  DataCapture strict;
  final FixedRandomizationFacts facts = new FixedRandomizationFacts();
  final MutableClock clock = new MutableClock(DAY0.plusDays(150));
  Actor inv;
  Actor coord;
  Actor dm;
  Actor monitor;
  Actor dmB;
  Actor monB;

  abstract String openDatabase();

  abstract void closeDatabase();

  @BeforeAll
  void setUp() throws IOException {
    ds = TestRegisters.migrated(openDatabase(), 8);
    reg = TestRegisters.on(ds);
    dc = DataCapture.on(reg, ProtocolLoader.bundled(), facts, clock);
    String yaml;
    try (InputStream in = ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE)) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(yaml).contains(PLANNED, REASON);
    Protocol lenientProtocol = ProtocolLoader.parse(yaml.replace(PLANNED, PLANNED.replace("}", ", missing: [ND, UNK]}"))
        + "\nsignature:\n  blockers: override\n", "bundled, lenient");
    lenient = DataCapture.on(reg, lenientProtocol, facts, clock);
    strict = DataCapture.on(reg, ProtocolLoader.parse(yaml.replace(REASON, REASON.replace("text,", "text, required: true,")),
        "bundled, strict"), facts, clock);
    Actor admin = TestRegisters.admin();
    reg.sites().add(admin, "A", "Site A");
    reg.sites().add(admin, "B", "Site B");
    inv = user(admin, "inv.a", Role.INVESTIGATOR, "A");
    coord = user(admin, "coord.a", Role.COORDINATOR, "A");
    dm = user(admin, "dm.a", Role.DATA_MANAGER, "A");
    monitor = user(admin, "mon.a", Role.MONITOR, "A");
    dmB = user(admin, "dm.b", Role.DATA_MANAGER, "B");
    monB = user(admin, "mon.b", Role.MONITOR, "B");
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

  String randomized(String arm) {
    String id = reg.participants().register(coord, "A", "A-" + UUID.randomUUID().toString().substring(0, 12),
        ScriptedEvaluator.record("ELIGIBLE")).participant().id();
    facts.add(id, arm, DAY0, "non-targeted");
    return id;
  }

  static JsonNode json(String s) {
    return JSON.readTree(s.replace('\'', '"'));
  }

  static String day(int d) {
    return DAY0.plusDays(d).toString();
  }

  static JsonNode rt(String dose, String planned, int delivered) {
    return json("{'technique':'IMRT','target':'primary','lesionId':'T1','totalDoseGy':" + dose + ",'plannedFractions':"
        + planned + ",'fractions':" + delivered + ",'startDate':'" + day(42) + "','endDate':'" + day(83) + "'}");
  }

  StoredForm ae(DataCapture on, String p) {
    return on.forms().create(coord, p, "adverse-event", null, null, json("{'term':'Pneumonitis','grade':2,"
        + "'startDate':'" + day(15) + "','serious':false,'relatedToSystemicTherapy':'possible',"
        + "'relatedToRadiotherapy':'probable','actionTaken':'none','outcome':'recovering'}"));
  }

  private static void invalid(Runnable r, String field, String text) {
    assertThatThrownBy(r::run).isInstanceOfSatisfying(InvalidFieldException.class, e -> {
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).contains(text);
    });
  }

  private static SignOffBlockedException blocked(Runnable r) {
    try {
      r.run();
    } catch (SignOffBlockedException e) {
      return e;
    }
    throw new AssertionError("expected the act to be blocked");
  }

  // --- edit-check queries follow the data ---

  @Test
  void anEditCheckQueryClosesItselfWhenTheCorrectionMakesTheCheckPassAndIsNeverDuplicated() {
    String p = randomized("RT+");
    // 25 Gy is outside EC5's 30-70 Gy: saved with one query
    StoredForm f = dc.forms().create(coord, p, "radiotherapy", null, null, rt("25", "5", 5));
    assertThat(dc.queries().ofForm(f.id())).extracting(DataQuery::origin, DataQuery::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("EC5", DataQuery.OPEN));
    // a change elsewhere on the form runs the checks again: EC5 still fails, and no second query opens
    StoredForm v2 = dc.forms().update(coord, f.id(), rt("25", "6", 5), "planned fractions from the plan", 1);
    assertThat(dc.queries().ofForm(f.id())).hasSize(1);
    // the correction makes EC5 pass: the query closes, by the edit check, with a note naming the check and change
    dc.forms().update(coord, f.id(), rt("60", "6", 5), "dose corrected from the treatment record", v2.version());
    DataQuery closed = dc.queries().ofForm(f.id()).get(0);
    assertThat(closed.status()).isEqualTo(DataQuery.CLOSED);
    assertThat(closed.closedBy()).isEqualTo(DataQuery.EDIT_CHECK);
    assertThat(closed.closeNote()).contains("EC5", "values.totalDoseGy", "version 3", "coord.a",
        "dose corrected from the treatment record");
    List<AuditEvent> trail = reg.audit().forRecord("query", closed.id());
    assertThat(trail).filteredOn(e -> e.entry().action() == AuditAction.DERIVE).singleElement().satisfies(e -> {
      assertThat(e.entry().actor()).isEqualTo(DataQuery.EDIT_CHECK);
      assertThat(e.entry().newValue()).isEqualTo(DataQuery.CLOSED);
    });
    // the value wrong again: a new query, the closed one stays closed
    dc.forms().update(coord, f.id(), rt("25", "6", 5), "entered the boost dose by mistake", 3);
    assertThat(dc.queries().ofForm(f.id())).extracting(DataQuery::status)
        .containsExactly(DataQuery.CLOSED, DataQuery.OPEN);
  }

  @Test
  void dataManagersAndMonitorsCloseEditCheckQueriesAndReopenThemWithAReason() {
    String p = randomized("RT+");
    StoredForm f = dc.forms().create(coord, p, "radiotherapy", null, null, rt("25", "5", 5));
    DataQuery q = dc.queries().ofForm(f.id()).get(0);
    assertThat(q.raisedBy()).isEqualTo(DataQuery.EDIT_CHECK);
    assertThat(q.origin()).isEqualTo("EC5");
    assertThatThrownBy(() -> dc.queries().close(coord, q.id(), "fine")).isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> dc.queries().close(dmB, q.id(), "fine")).isInstanceOf(SiteAccessDeniedException.class);
    DataQuery closed = dc.queries().close(dm, q.id(), "25 Gy in 5 fractions is the SBRT schedule of the plan");
    assertThat(closed.closeNote()).isEqualTo("25 Gy in 5 fractions is the SBRT schedule of the plan");
    assertThat(closed.closedBy()).isEqualTo("dm.a");
    // re-open: data managers and monitors of the site, with a reason
    assertThatThrownBy(() -> dc.queries().reopen(coord, q.id(), "again")).isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> dc.queries().reopen(monB, q.id(), "again")).isInstanceOf(SiteAccessDeniedException.class);
    invalid(() -> dc.queries().reopen(monitor, q.id(), " "), "reason", "is required");
    DataQuery reopened = dc.queries().reopen(monitor, q.id(), "the plan in the source says 60 Gy");
    assertThat(reopened.status()).isEqualTo(DataQuery.OPEN);
    assertThat(reopened.reopenedBy()).isEqualTo("mon.a");
    assertThat(reopened.reopenReason()).isEqualTo("the plan in the source says 60 Gy");
    assertThat(reopened.closeNote()).isNull();
    assertThatThrownBy(() -> dc.queries().reopen(dm, q.id(), "twice")).isInstanceOf(ConflictException.class);
    // the site answers, a monitor of the site closes the edit-check query
    assertThat(dc.queries().answer(inv, q.id(), "plan checked: 25 Gy in 5 fractions").status())
        .isEqualTo(DataQuery.ANSWERED);
    assertThat(dc.queries().close(monitor, q.id(), "accepted").status()).isEqualTo(DataQuery.CLOSED);
    assertThat(reg.audit().forRecord("query", q.id()))
        .filteredOn(e -> e.entry().action() != AuditAction.ACCESS_DENIED && "status".equals(e.entry().field()))
        .extracting(e -> e.entry().newValue(), e -> e.entry().reason())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("CLOSED", "25 Gy in 5 fractions is the SBRT schedule"
                + " of the plan"),
            org.assertj.core.groups.Tuple.tuple("OPEN", "re-opened: the plan in the source says 60 Gy"),
            org.assertj.core.groups.Tuple.tuple("ANSWERED", null),
            org.assertj.core.groups.Tuple.tuple("CLOSED", "accepted"));
  }

  @Test
  void queriesAreListedBySiteFormStatusAndAgeAndCountedPerCasebook() {
    String p = randomized("RT+");
    StoredForm rtForm = dc.forms().create(coord, p, "radiotherapy", null, null, rt("25", "5", 5));
    StoredForm ae = ae(dc, p);
    clock.set(DAY0.plusDays(160));
    DataQuery young = dc.queries().raise(dm, ae.id(), "grade", "grade 2 or 3?");
    // the EC5 query was raised 10 days ago (DAY0 + 150), the manual one today
    assertThat(dc.queries().list(dm, new QueryService.Filter("A", "radiotherapy", "PENDING", null)))
        .extracting(DataQuery::formId).contains(rtForm.id()).doesNotContain(ae.id());
    assertThat(dc.queries().list(dm, new QueryService.Filter(null, null, "PENDING", 10)))
        .extracting(DataQuery::formId).contains(rtForm.id()).doesNotContain(ae.id());
    assertThat(dc.queries().list(dm, new QueryService.Filter(null, "adverse-event", DataQuery.OPEN, 0)))
        .extracting(DataQuery::id).contains(young.id());
    assertThat(young.ageDays(dc.queries().now())).isZero();
    assertThat(dc.queries().pendingByParticipant(dm)).containsEntry(p, 2);
    assertThat(dc.queries().pendingByParticipant(dmB)).doesNotContainKey(p);
    invalid(() -> dc.queries().list(dm, new QueryService.Filter(null, "shoe-size", null, null)), "form", "no form type");
    invalid(() -> dc.queries().list(dm, new QueryService.Filter(null, null, null, -1)), "age", "0 or more");
    invalid(() -> dc.queries().list(dm, new QueryService.Filter(null, null, "LOST", null)), "status", "must be one of");
    assertThatThrownBy(() -> dc.queries().list(dmB, new QueryService.Filter("A", null, null, null)))
        .isInstanceOf(SiteAccessDeniedException.class);
    clock.set(DAY0.plusDays(150));
  }

  // --- signing and locking wait for clean data ---

  @Test
  void signingAndLockingAreRefusedWithTheListOfWhatBlocks() {
    String p = randomized("RT+");
    StoredForm f = ae(dc, p);
    DataQuery q = dc.queries().raise(dm, f.id(), "grade", "source says grade 3?");
    SignOffBlockedException e = blocked(() -> dc.forms().sign(inv, f.id(), PASSWORD));
    assertThat(e.field()).isEqualTo("blockers");
    assertThat(e.overridable()).isFalse();
    assertThat(e.blockers()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo("QUERY");
      assertThat(b.field()).isEqualTo("values.grade");
      assertThat(b.detail()).contains("OPEN", "source says grade 3?");
    });
    assertThat(e.getMessage()).contains("cannot sign", f.id(), "values.grade");
    // an override reason changes nothing where the protocol does not allow it
    assertThat(blocked(() -> dc.forms().sign(inv, f.id(), PASSWORD, "urgent")).blockers()).hasSize(1);
    assertThat(blocked(() -> dc.forms().lock(dm, f.id(), null)).getMessage()).contains("cannot lock");
    dc.queries().answer(coord, q.id(), "grade 2 in the clinic note");
    assertThat(blocked(() -> dc.forms().sign(inv, f.id(), PASSWORD)).blockers().get(0).detail()).contains("ANSWERED");
    dc.queries().close(dm, q.id(), "accepted");
    assertThat(dc.forms().blockers(inv, f.id())).isEmpty();
    assertThat(dc.forms().sign(inv, f.id(), PASSWORD).status()).isEqualTo(StoredForm.SIGNED);
    assertThat(dc.forms().lock(dm, f.id(), "interim lock").status()).isEqualTo(StoredForm.LOCKED);
    // nothing was signed while blocked: one signature status change, one lock
    assertThat(dc.forms().auditTrail(dm, f.id())).filteredOn(x -> "status".equals(x.entry().field()))
        .extracting(x -> x.entry().newValue()).containsExactly("SIGNED", "LOCKED");
  }

  @Test
  void whereTheProtocolAllowsItAnOverrideReasonSignsAndIsAudited() {
    String p = randomized("RT+");
    StoredForm f = ae(lenient, p);
    lenient.queries().raise(monitor, f.id(), "term", "term as in the source?");
    SignOffBlockedException e = blocked(() -> lenient.forms().sign(inv, f.id(), PASSWORD));
    assertThat(e.overridable()).isTrue();
    assertThat(e.field()).isEqualTo("override");
    StoredForm signed = lenient.forms().sign(inv, f.id(), PASSWORD, "signing before the DSMB cut-off");
    assertThat(signed.status()).isEqualTo(StoredForm.SIGNED);
    assertThat(lenient.forms().auditTrail(dm, f.id())).filteredOn(x -> "signature.override".equals(x.entry().field()))
        .singleElement().satisfies(x -> {
          assertThat(x.entry().reason()).isEqualTo("signed despite open items: signing before the DSMB cut-off");
          assertThat(x.entry().newValue()).contains("values.term", "term as in the source?");
        });
    StoredForm locked = lenient.forms().lock(dm, f.id(), null, "database lock for the interim");
    assertThat(locked.status()).isEqualTo(StoredForm.LOCKED);
  }

  @Test
  void aRequiredValueMissingUnderTheCurrentDefinitionBlocksTheSignature() {
    String p = randomized("RT+");
    StoredForm f = dc.forms().create(coord, p, "radiotherapy", null, null, rt("60", "30", 30));
    SignOffBlockedException e = blocked(() -> strict.forms().sign(inv, f.id(), PASSWORD));
    assertThat(e.blockers()).singleElement().satisfies(b -> {
      assertThat(b.kind()).isEqualTo("MISSING");
      assertThat(b.field()).isEqualTo("values.interruptionReason");
    });
    assertThat(dc.forms().sign(inv, f.id(), PASSWORD).status()).isEqualTo(StoredForm.SIGNED);
  }

  @Test
  void theCasebookIsSignedWithOneSignatureListingEachForm() {
    String p = randomized("RT+");
    StoredForm a = ae(dc, p);
    StoredForm r = dc.forms().create(coord, p, "radiotherapy", null, null, rt("25", "5", 5));
    StoredForm t = dc.forms().create(coord, p, "systemic-therapy", null, null, json("{'date':'" + day(1)
        + "','regimen':'pemetrexed-cisplatin','cycle':1,'dosePercent':100,'modification':'none'}"));
    assertThatThrownBy(() -> dc.forms().signCasebook(coord, p, PASSWORD, null))
        .isInstanceOf(SiteAccessDeniedException.class);
    // the EC5 query on the radiotherapy form blocks the whole casebook
    SignOffBlockedException e = blocked(() -> dc.forms().signCasebook(inv, p, PASSWORD, null));
    assertThat(e.blockers()).extracting(SignOff.Blocker::formId).containsExactly(r.id());
    assertThat(dc.forms().casebookBlockers(dm, p)).hasSize(1);
    dc.queries().close(dm, dc.queries().ofForm(r.id()).get(0).id(), "SBRT schedule confirmed");
    invalid(() -> dc.forms().signCasebook(inv, p, "not my password", null), "password", "not correct");
    assertThat(dc.forms().list(inv, p)).extracting(StoredForm::status).containsOnly(StoredForm.ENTERED);
    SignOff.CasebookSignature s = dc.forms().signCasebook(inv, p, PASSWORD, null);
    assertThat(s.signed()).extracting(StoredForm::id).containsExactlyInAnyOrder(a.id(), r.id(), t.id());
    assertThat(s.signed()).extracting(StoredForm::status).containsOnly(StoredForm.SIGNED);
    assertThat(s.signature().statement()).contains("3 forms", a.id(), r.id(), t.id());
    // each form named as the protocol names it, with its date (protocols/nct03119519.yaml), not by its type key
    assertThat(s.signature().statement()).contains("adverse event (CTCAE v5.0) of ", "radiotherapy delivery",
        "systemic therapy administration of " + day(1)).doesNotContain("systemic-therapy");
    assertThat(s.signature().manifestation())
        .matches("Reviewed and approved by .* at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} UTC, meaning .*");
    assertThat(dc.forms().casebookSignatures(dm, p)).extracting(x -> x.id()).containsExactly(s.signature().id());
    for (StoredForm f : s.signed()) {
      assertThat(dc.forms().signatures(dm, f.id())).singleElement()
          .satisfies(x -> assertThat(x.statement()).contains(f.id(), "casebook signature " + s.signature().id()));
    }
    assertThatThrownBy(() -> dc.forms().signCasebook(inv, p, PASSWORD, null)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("no form of the participant waits for a signature");
  }

  // --- the casebook locked in one act ---

  @Test
  void theCasebookIsLockedInOneActOnceEveryFormIsSignedAndClean() {
    String p = randomized("RT+");
    StoredForm a = ae(dc, p);
    // 25 Gy is outside EC5's 30-70 Gy: the radiotherapy form is saved with one open query
    StoredForm r = dc.forms().create(coord, p, "radiotherapy", null, null, rt("25", "5", 5));
    // who: the data manager of the participant's site only (as for the form lock); an unknown participant is not found
    for (Actor other : List.of(inv, coord, monitor, dmB, TestRegisters.admin())) {
      assertThatThrownBy(() -> dc.forms().lockCasebook(other, p, null, null)).as(other.username())
          .isInstanceOf(SiteAccessDeniedException.class);
    }
    assertThatThrownBy(() -> dc.forms().lockCasebook(dm, "no-such-participant", null, null))
        .isInstanceOf(RecordNotFoundException.class);
    invalid(() -> dc.forms().lockCasebook(dm, p, "x".repeat(4001), null), "reason", "longer than 4000");
    // blocked, with the whole list: both forms unsigned, and the EC5 query on the radiotherapy form
    SignOffBlockedException e = blocked(() -> dc.forms().lockCasebook(dm, p, null, null));
    assertThat(e.act()).isEqualTo("lock");
    assertThat(e.overridable()).isFalse();
    assertThat(e.blockers()).extracting(SignOff.Blocker::formId, SignOff.Blocker::kind).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple(a.id(), CasebookLock.UNSIGNED),
        org.assertj.core.groups.Tuple.tuple(r.id(), CasebookLock.UNSIGNED),
        org.assertj.core.groups.Tuple.tuple(r.id(), "QUERY"));
    assertThat(e.getMessage()).contains("cannot lock", "3 items block it", "not signed by the investigator");
    assertThat(dc.forms().casebookLockBlockers(monitor, p)).hasSize(3);
    // an override reason changes nothing where the protocol does not allow it; nothing was locked
    assertThat(blocked(() -> dc.forms().lockCasebook(dm, p, null, "database lock")).blockers()).hasSize(3);
    assertThat(dc.forms().list(dm, p)).extracting(StoredForm::status).containsOnly(StoredForm.ENTERED);
    // sign-off: the query closed, the casebook signed; then the lock goes through, every form at once
    dc.queries().close(dm, dc.queries().ofForm(r.id()).get(0).id(), "SBRT schedule confirmed");
    dc.forms().signCasebook(inv, p, PASSWORD, null);
    assertThat(dc.forms().casebookLockBlockers(dm, p)).isEmpty();
    CasebookLock.Locked l = dc.forms().lockCasebook(dm, p, "end-of-treatment review", null);
    assertThat(l.locked()).extracting(StoredForm::id).containsExactlyInAnyOrder(a.id(), r.id());
    assertThat(dc.forms().list(dm, p)).extracting(StoredForm::status, StoredForm::lockedBy)
        .containsOnly(org.assertj.core.groups.Tuple.tuple(StoredForm.LOCKED, "dm.a"));
    // each form's lock audited as the form lock is, and the act once on the casebook
    for (StoredForm f : List.of(a, r)) {
      assertThat(dc.forms().auditTrail(dm, f.id())).filteredOn(x -> "status".equals(x.entry().field()))
          .last().satisfies(x -> {
            assertThat(x.entry().actor()).isEqualTo("dm.a");
            assertThat(x.entry().oldValue()).isEqualTo(StoredForm.SIGNED);
            assertThat(x.entry().newValue()).isEqualTo(StoredForm.LOCKED);
            assertThat(x.entry().reason()).isEqualTo("locked with the casebook: end-of-treatment review");
          });
      assertThat(dc.forms().auditTrail(dm, f.id())).noneMatch(x -> "lock.override".equals(x.entry().field()));
    }
    assertThat(reg.audit().forRecord(SignOff.CASEBOOK, p)).filteredOn(x -> "lock".equals(x.entry().field()))
        .singleElement().satisfies(x -> {
          assertThat(x.entry().actor()).isEqualTo("dm.a");
          assertThat(x.entry().action()).isEqualTo(AuditAction.UPDATE);
          assertThat(x.entry().newValue()).contains("2 forms locked", a.id(), r.id());
          assertThat(x.entry().reason()).isEqualTo("end-of-treatment review");
        });
    // nothing left to lock
    assertThatThrownBy(() -> dc.forms().lockCasebook(dm, p, null, null)).isInstanceOfSatisfying(
        ConflictException.class, x -> assertThat(x.field()).isEqualTo("forms"));
  }

  @Test
  void whereTheProtocolAllowsItTheCasebookIsLockedDespiteBlockersWithAnAuditedReason() {
    String p = randomized("RT+");
    StoredForm f = ae(lenient, p);
    SignOffBlockedException e = blocked(() -> lenient.forms().lockCasebook(dm, p, null, null));
    assertThat(e.overridable()).isTrue();
    assertThat(e.field()).isEqualTo("override");
    assertThat(e.blockers()).extracting(SignOff.Blocker::kind).containsExactly(CasebookLock.UNSIGNED);
    invalid(() -> lenient.forms().lockCasebook(dm, p, null, "x".repeat(4001)), "override", "longer than 4000");
    CasebookLock.Locked l = lenient.forms().lockCasebook(dm, p, null, "interim analysis cut-off");
    assertThat(l.locked()).singleElement().satisfies(x -> {
      assertThat(x.status()).isEqualTo(StoredForm.LOCKED);
      assertThat(x.signedBy()).isNull();
    });
    assertThat(lenient.forms().auditTrail(dm, f.id())).filteredOn(x -> "lock.override".equals(x.entry().field()))
        .singleElement().satisfies(x -> {
          assertThat(x.entry().reason()).isEqualTo("locked despite open items: interim analysis cut-off");
          assertThat(x.entry().newValue()).contains(f.id(), "not signed by the investigator");
        });
    assertThat(lenient.forms().auditTrail(dm, f.id())).filteredOn(x -> "status".equals(x.entry().field()))
        .last().satisfies(x -> assertThat(x.entry().reason()).isEqualTo("locked with the casebook"));
  }

  // --- missing-data codes ---

  @Test
  void missingDataCodesAreStoredAsSuchSatisfyRequiredAndAreLeftOutOfEditChecks() {
    String p = randomized("RT+");
    invalid(() -> dc.forms().create(coord, p, "radiotherapy", null, null, rt("60", "{'missing':'ND'}", 30)),
        "values.plannedFractions", "accepts no missing-data code");
    invalid(() -> lenient.forms().create(coord, p, "radiotherapy", null, null, rt("60", "{'missing':'NA'}", 30)),
        "values.plannedFractions", "must be one of [ND, UNK]");
    invalid(() -> lenient.forms().create(coord, p, "radiotherapy", null, null, rt("{'missing':'ND'}", "30", 30)),
        "values.totalDoseGy", "accepts no missing-data code");
    // 20 planned, 30 delivered: EC6 opens a query
    StoredForm f = lenient.forms().create(coord, p, "radiotherapy", null, null, rt("60", "20", 30));
    assertThat(lenient.queries().ofForm(f.id())).extracting(DataQuery::origin).containsExactly("EC6");
    // planned fractions unknown: stored as the code, EC6 no longer compares, its query closes itself
    StoredForm v2 = lenient.forms().update(coord, f.id(), rt("60", "{'missing':'UNK'}", 30),
        "the plan is lost; planned fractions unknown", 1);
    assertThat(json(v2.valuesJson()).get("plannedFractions")).isEqualTo(json("{'missing':'UNK'}"));
    assertThat(lenient.queries().ofForm(f.id())).extracting(DataQuery::status).containsExactly(DataQuery.CLOSED);
    // the required field is answered: nothing blocks the signature
    assertThat(lenient.forms().blockers(inv, f.id())).isEmpty();
    assertThat(lenient.forms().auditTrail(dm, f.id())).filteredOn(x -> "values.plannedFractions"
        .equals(x.entry().field())).extracting(x -> x.entry().newValue()).containsExactly("20", "{\"missing\":\"UNK\"}");
  }

  // --- source-data verification ---

  @Test
  void monitorsVerifyFieldsAndAChangeClearsTheVerificationOfTheChangedField() {
    String p = randomized("RT+");
    StoredForm f = ae(dc, p);
    assertThatThrownBy(() -> dc.forms().verification().verify(coord, f.id(), List.of("grade")))
        .isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> dc.forms().verification().verify(dm, f.id(), List.of("grade")))
        .isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> dc.forms().verification().verify(monB, f.id(), List.of("grade")))
        .isInstanceOf(SiteAccessDeniedException.class);
    invalid(() -> dc.forms().verification().verify(monitor, f.id(), List.of("shoeSize")), "fields",
        "has no field 'shoeSize'");
    assertThat(dc.forms().verification().verify(monitor, f.id(), List.of("values.grade")).keySet())
        .containsExactly("values.grade");
    assertThat(dc.forms().verification().wholeFormVerified(f)).isFalse();
    var all = dc.forms().verification().verify(monitor, f.id(), null);
    assertThat(all.keySet()).contains("values.term", "values.grade", "values.startDate", "values.outcome");
    assertThat(all.values()).extracting(SourceVerification.Verified::version).containsOnly(1);
    assertThat(dc.forms().verification().wholeFormVerified(f)).isTrue();
    StoredForm v2 = dc.forms().update(coord, f.id(), json(f.valuesJson().replace("\"grade\":2", "\"grade\":3")),
        "grade 3 per the discharge letter", 1);
    var after = dc.forms().verification().of(f.id());
    assertThat(after).doesNotContainKey("values.grade").containsKey("values.term");
    assertThat(dc.forms().verification().wholeFormVerified(v2)).isFalse();
    assertThat(dc.forms().auditTrail(dm, f.id())).filteredOn(x -> "sdv.values.grade".equals(x.entry().field()))
        .extracting(x -> x.entry().newValue(), x -> x.entry().reason())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("verified (version 1)", "source data verified"),
            org.assertj.core.groups.Tuple.tuple(null, "verification cleared: the value changed in version 2"
                + " (grade 3 per the discharge letter)"));
  }
}
