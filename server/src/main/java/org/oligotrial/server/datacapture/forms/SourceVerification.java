package org.oligotrial.server.datacapture.forms;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oligotrial.protocol.FormDefinition;
import org.oligotrial.protocol.FormField;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.SiteGuard;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Source-data verification (SDV): a monitor of the form's site marks fields of a form, or the whole form (every field
 * that holds a value or a missing-data code), as agreeing with the source documents. A mark belongs to one field and
 * records the form version, the monitor and the time ({@code crf_verification}); each new mark is audited on the
 * form (field {@code sdv.values.<id>}, new value {@code verified (version n)}). When a later save changes a verified
 * field, {@link #clearChanged} deletes its mark in the save's transaction and audits that (new value empty, the
 * reason naming the change); marks on unchanged fields stay. A locked form can be verified: a mark is no change to
 * its data. Thread-safe.
 */
public final class SourceVerification {
  /**
   * One verified field.
   *
   * @param field {@code values.<id>}
   * @param version the form version verified
   * @param verifiedBy the monitor
   * @param verifiedAt when
   */
  public record Verified(String field, int version, String verifiedBy, Instant verifiedAt) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final SiteGuard guard;
  private final Protocol protocol;
  private final FormRepository repo;
  private final Clock clock;

  SourceVerification(JdbcClient jdbc, TransactionTemplate tx, TrialAudit audit, SiteGuard guard, Protocol protocol,
      FormRepository repo, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.guard = guard;
    this.protocol = protocol;
    this.repo = repo;
    this.clock = clock;
  }

  /** The verified fields of the form, field to mark (no access check: the caller read the form). */
  public Map<String, Verified> of(String formId) {
    Map<String, Verified> out = new LinkedHashMap<>();
    jdbc.sql("SELECT field, version, verified_by, verified_at FROM crf_verification WHERE form_id = :f"
            + " AND trial_id = :trial ORDER BY field")
        .param("f", formId).param("trial", audit.trialId())
        .query((rs, n) -> new Verified(rs.getString(1), rs.getInt(2), rs.getString(3),
            rs.getObject(4, OffsetDateTime.class).toInstant()))
        .list().forEach(v -> out.put(v.field(), v));
    return out;
  }

  /** Whether every field of the form that holds a value (or a missing-data code) is verified. */
  public boolean wholeFormVerified(StoredForm f) {
    List<String> entered = entered(f);
    return !entered.isEmpty() && of(f.id()).keySet().containsAll(entered);
  }

  /**
   * Of the given forms (one participant's), the ids of those whose every field holding a value (or a missing-data
   * code) is verified, as {@link #wholeFormVerified} decides for one form; one statement reads the marks of all the
   * participant's forms, whatever their number (no access check: the caller read the forms).
   */
  public java.util.Set<String> wholeFormsVerified(String participantId, List<StoredForm> forms) {
    Map<String, java.util.Set<String>> marks = new java.util.HashMap<>();
    jdbc.sql("SELECT v.form_id, v.field FROM crf_verification v JOIN crf_form f ON f.id = v.form_id"
            + " WHERE f.participant_id = :p AND f.trial_id = :trial AND v.trial_id = :trial")
        .param("p", participantId).param("trial", audit.trialId())
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list()
        .forEach(e -> marks.computeIfAbsent(e.getKey(), k -> new java.util.HashSet<>()).add(e.getValue()));
    java.util.Set<String> out = new java.util.HashSet<>();
    for (StoredForm f : forms) {
      List<String> entered = entered(f);
      if (!entered.isEmpty() && marks.getOrDefault(f.id(), java.util.Set.of()).containsAll(entered)) {
        out.add(f.id());
      }
    }
    return out;
  }

  /**
   * A monitor of the form's site verifies fields of the form.
   *
   * @param fields field ids (with or without {@code values.}); null or empty verifies the whole form
   * @return the form's marks after verifying
   * @throws InvalidFieldException (field {@code fields}) naming a field the form does not have
   */
  public Map<String, Verified> verify(Actor actor, String formId, List<String> fields) {
    StoredForm f0 = repo.find(formId).orElseThrow(() -> new RecordNotFoundException(FormService.ENTITY, formId));
    guard.read(actor, f0.siteCode(), FormService.ENTITY, formId);
    guard.role(actor, Role.MONITOR, f0.siteCode(), FormService.ENTITY, formId, "verify source data");
    FormDefinition def = protocol.form(f0.formType()).orElseThrow();
    List<String> wanted = new ArrayList<>();
    if (fields == null || fields.isEmpty()) {
      wanted.addAll(entered(f0));
      if (wanted.isEmpty()) {
        throw new InvalidFieldException("fields", "the form holds no value to verify");
      }
    } else {
      for (String raw : fields) {
        String id = raw == null ? "" : raw.startsWith("values.") ? raw.substring("values.".length()) : raw;
        if (def.field(id).isEmpty()) {
          throw new InvalidFieldException("fields", "form " + f0.formType() + " has no field '"
              + FormValidator.shorten(id) + "'");
        }
        wanted.add("values." + id);
      }
    }
    return tx.execute(s -> {
      StoredForm cur = repo.lock(formId).orElseThrow();
      Map<String, Verified> marks = of(formId);
      OffsetDateTime at = OffsetDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
      for (String field : wanted.stream().distinct().toList()) {
        Verified old = marks.get(field);
        if (old != null && old.version() == cur.version()) {
          continue;
        }
        jdbc.sql("DELETE FROM crf_verification WHERE form_id = :f AND field = :fld").param("f", formId)
            .param("fld", field).update();
        jdbc.sql("INSERT INTO crf_verification (form_id, field, trial_id, version, verified_by, verified_at)"
                + " VALUES (:f, :fld, :trial, :v, :by, :at)")
            .param("f", formId).param("fld", field).param("trial", audit.trialId()).param("v", cur.version())
            .param("by", actor.username()).param("at", at).update();
        audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, FormService.ENTITY, formId, "sdv." + field,
            old == null ? null : text(old), "verified (version " + cur.version() + ")", "source data verified",
            cur.siteCode()));
      }
      return of(formId);
    });
  }

  /**
   * Inside a save's transaction: deletes the marks of the fields whose value changed between {@code before} and
   * {@code after}, auditing each as done by the user who saved.
   */
  void clearChanged(Actor actor, StoredForm f, JsonNode before, JsonNode after, String why) {
    for (Verified v : of(f.id()).values()) {
      String id = v.field().substring("values.".length());
      if (!Objects.equals(before.get(id), after.get(id))) {
        jdbc.sql("DELETE FROM crf_verification WHERE form_id = :f AND field = :fld").param("f", f.id())
            .param("fld", v.field()).update();
        audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, FormService.ENTITY, f.id(),
            "sdv." + v.field(), text(v), null, "verification cleared: the value changed in version " + f.version()
            + " (" + why + ")", f.siteCode()));
      }
    }
  }

  private static String text(Verified v) {
    return "verified (version " + v.version() + ")";
  }

  /** The fields of the form holding a value or a missing-data code, as {@code values.<id>}, in definition order. */
  private List<String> entered(StoredForm f) {
    JsonNode values = FormFacts.values(f);
    FormDefinition def = protocol.form(f.formType()).orElse(null);
    List<String> out = new ArrayList<>();
    if (def != null) {
      for (FormField field : def.fields()) {
        if (values.has(field.id()) && !values.get(field.id()).isNull()) {
          out.add("values." + field.id());
        }
      }
    }
    return out;
  }
}
