package org.oligotrial.server.datacapture.endpoints;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.oligotrial.endpoints.InvalidHistoryException;
import org.oligotrial.endpoints.ParticipantEndpoints;
import org.oligotrial.endpoints.ReconciliationFinding;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Visit;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.forms.FormRepository;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.datacapture.queries.DataQuery;
import org.oligotrial.server.datacapture.queries.QueryService;
import org.oligotrial.server.participant.JdbcParticipantReads;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.Withdrawal;
import org.oligotrial.server.randomization.Randomized;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * What follows from any change to a randomized participant's clinical data, in the transaction of that change:
 *
 * <ol>
 *   <li>every endpoint is derived again by the core derivation ({@link EndpointService#derive}); the values
 *       ({@link EndpointValues}) are compared with those last stored ({@code derived_endpoint}) and each value that
 *       changed is audited as a {@link AuditAction#DERIVE derivation} ({@code entity_type = endpoints}, entity the
 *       participant, actor {@value ParticipantService#SYSTEM}, the reason naming the triggering change);
 *   <li>the reconciliation findings of the core derivation (a RECIST progression without a progression form, a
 *       progression form without RECIST progression, differing dates) each open a query with both values, raised by
 *       {@link DataQuery#RECONCILIATION}, never twice while one with the same values is open; an open one the data
 *       no longer give is closed by {@value ParticipantService#SYSTEM} as reconciled (or superseded), audited as a
 *       derivation;
 *   <li>the participant's status follows the data ({@link ClinicalCourses}, then
 *       {@link ParticipantService#followData}).
 * </ol>
 *
 * A participant whose forms contradict each other keeps a single value {@code derivation} saying why, until the
 * contradiction is corrected. Thread-safe.
 */
public final class Rederivation {
  /** Audit entity type of derived endpoints. */
  public static final String ENTITY = "endpoints";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JdbcClient jdbc;
  private final TrialAudit audit;
  private final EndpointService endpoints;
  private final ParticipantService participants;
  private final QueryService queries;
  private final FormRepository forms;
  private final int plannedChemoCycles;
  private final Clock clock;

  public Rederivation(JdbcClient jdbc, TrialAudit audit, EndpointService endpoints, ParticipantService participants,
      QueryService queries, Protocol protocol, Clock clock) {
    this.jdbc = jdbc;
    this.queries = queries;
    this.audit = audit;
    this.endpoints = endpoints;
    this.participants = participants;
    this.forms = new FormRepository(jdbc, audit.trialId());
    this.plannedChemoCycles = protocol.visits().stream().filter(v -> v.id().equals("chemo-cycle"))
        .map(Visit::minOccurrences).filter(Objects::nonNull).findFirst().orElse(4);
    this.clock = clock;
  }

  /**
   * Re-derives the endpoints and the status of a randomized participant, inside the caller's transaction.
   *
   * @param trigger the change, e.g. {@code form 01J... (tumour-assessment) version 2 saved by dm.a: scan re-read}
   * @return the endpoint values that changed, name to new value
   */
  public Map<String, String> after(Randomized r, String siteCode, String trigger) {
    List<StoredForm> all = forms.ofParticipant(r.participantId());
    Withdrawal w = registerWithdrawal(r.participantId());
    ParticipantEndpoints e;
    Map<String, String> now;
    try {
      e = endpoints.derive(r, all, w == null ? null : w.date());
      now = EndpointValues.of(endpoints.protocol(), e, endpoints.factors());
    } catch (InvalidHistoryException x) {
      e = null;
      now = new LinkedHashMap<>(Map.of("derivation", "not derivable: " + x.getMessage()));
    }
    Map<String, String> before = stored(r.participantId());
    Map<String, String> changed = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>(now.keySet());
    names.addAll(before.keySet());
    String why = "re-derived after " + trigger;
    for (String n : names) {
      String old = before.get(n);
      String cur = now.get(n);
      if (!Objects.equals(old, cur)) {
        changed.put(n, cur);
        audit.record(new AuditEntry(ParticipantService.SYSTEM, AuditAction.DERIVE, ENTITY, r.participantId(), n, old,
            cur, why, siteCode));
      }
    }
    if (!changed.isEmpty()) {
      store(r.participantId(), now, trigger, before.isEmpty());
    }
    if (e != null) {
      reconcile(r.participantId(), e.reconciliation(), all, trigger);
    }
    participants.followData(r.participantId(), ClinicalCourses.of(r, all, e, plannedChemoCycles, w), trigger);
    return changed;
  }

  /**
   * Opens a query for each reconciliation finding of the core derivation that has none open with the same values,
   * and closes those the data no longer give: reconciled (the disagreement is gone) or superseded (the same
   * disagreement with other values, which gets a new query). The query sits on the date of the form concerned: the
   * tumour assessment showing the RECIST progression when no progression form exists, else the progression form.
   */
  private void reconcile(String participantId, List<ReconciliationFinding> findings, List<StoredForm> all,
      String trigger) {
    List<DataQuery> open = queries.openRaisedBy(participantId, DataQuery.RECONCILIATION);
    Set<String> kept = new java.util.HashSet<>();
    for (ReconciliationFinding f : findings) {
      String text = text(f);
      DataQuery same = open.stream().filter(q -> q.origin().equals(f.kind().name()) && q.text().equals(text))
          .findFirst().orElse(null);
      if (same != null) {
        kept.add(same.id());
        continue;
      }
      StoredForm on = formOf(f, all);
      if (on != null) {
        queries.openDerived(on, "values.date", text, f.kind().name(), DataQuery.RECONCILIATION, trigger);
      }
    }
    Set<String> kinds = new java.util.HashSet<>();
    findings.forEach(f -> kinds.add(f.kind().name()));
    for (DataQuery q : open) {
      if (!kept.contains(q.id())) {
        queries.closeDerived(q, ParticipantService.SYSTEM, (kinds.contains(q.origin()) ? "superseded by a query with"
            + " the values now recorded" : "reconciled: the tumour assessments and the progression forms agree")
            + " [after " + trigger + "]");
      }
    }
  }

  /** The query text: the finding and, side by side, the two values. */
  static String text(ReconciliationFinding f) {
    return f.message() + " (RECIST progression: " + (f.recistDate() == null ? "none" : f.recistDate())
        + " | progression form: " + (f.formDate() == null ? "none" : f.formDate()) + ")";
  }

  private static StoredForm formOf(ReconciliationFinding f, List<StoredForm> all) {
    boolean assessment = f.kind() == ReconciliationFinding.Kind.RECIST_PD_WITHOUT_FORM;
    String type = assessment ? "tumour-assessment" : "progression";
    java.time.LocalDate date = assessment ? f.recistDate() : f.formDate();
    List<StoredForm> ofType = new org.oligotrial.server.datacapture.forms.FormFacts(all).ofType(type);
    return ofType.stream().filter(x -> Objects.equals(x.formDate(), date)).findFirst()
        .orElse(ofType.isEmpty() ? null : ofType.get(assessment ? ofType.size() - 1 : 0));
  }

  /** The endpoint values last derived, empty when none were. */
  public Map<String, String> stored(String participantId) {
    return jdbc.sql("SELECT values_json FROM derived_endpoint WHERE participant_id = :id AND trial_id = :trial")
        .param("id", participantId).param("trial", audit.trialId())
        .query(String.class).optional()
        .map(s -> JSON.readValue(s, new TypeReference<LinkedHashMap<String, String>>() {}))
        .map(m -> (Map<String, String>) m).orElse(Map.of());
  }

  private void store(String participantId, Map<String, String> values, String trigger, boolean first) {
    String json = JSON.writeValueAsString(values);
    OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    String ref = trigger.length() <= 4000 ? trigger : trigger.substring(0, 4000);
    String sql = first
        ? "INSERT INTO derived_endpoint (participant_id, values_json, derived_at, trigger_ref, trial_id) VALUES (:id,"
            + " :v, :at, :t, :trial)"
        : "UPDATE derived_endpoint SET values_json = :v, derived_at = :at, trigger_ref = :t WHERE participant_id = :id"
            + " AND trial_id = :trial";
    jdbc.sql(sql).param("id", participantId).param("v", json).param("at", at).param("t", ref)
        .param("trial", audit.trialId()).update();
  }

  private Withdrawal registerWithdrawal(String participantId) {
    return new JdbcParticipantReads(jdbc, audit.trialId()).withdrawal(participantId).orElse(null);
  }
}
