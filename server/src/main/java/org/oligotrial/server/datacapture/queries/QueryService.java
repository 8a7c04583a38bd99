package org.oligotrial.server.datacapture.queries;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.TrialAudit;
import org.oligotrial.server.datacapture.SiteGuard;
import org.oligotrial.server.datacapture.forms.FormRepository;
import org.oligotrial.server.datacapture.forms.StoredForm;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The query workflow: data managers and monitors raise a query on a field of a form at their sites (edit checks
 * raise some themselves); site staff (investigators, coordinators) answer; whoever raised it closes it (a data
 * manager of the site closes those raised by edit checks). Every step is audited ({@code entity_type = query}).
 * Thread-safe.
 */
public final class QueryService {
  /** Audit entity type. */
  public static final String ENTITY = "query";
  private static final String COLUMNS = "id, form_id, participant_id, site_code, field, text, origin, status,"
      + " raised_by, raised_at, answer, answered_by, closed_by, close_note";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final TrialAudit audit;
  private final SiteGuard guard;
  private final FormRepository forms;
  private final Protocol protocol;
  private final Clock clock;

  public QueryService(JdbcClient jdbc, TransactionTemplate tx, TrialAudit audit, SiteGuard guard, Protocol protocol,
      Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.guard = guard;
    this.forms = new FormRepository(jdbc, audit.trialId());
    this.protocol = protocol;
    this.clock = clock;
  }

  /**
   * Raises a query on a field of a form.
   *
   * @param field a field id of the form, with or without the {@code values.} prefix
   * @throws InvalidFieldException when the field or text is missing
   */
  public DataQuery raise(Actor actor, String formId, String field, String text) {
    StoredForm f = forms.find(formId).orElseThrow(() -> new RecordNotFoundException("form", formId));
    guard.raiseQuery(actor, f.siteCode(), "form", formId);
    String fld = Checks.required("field", field, 200);
    fld = fld.startsWith("values.") ? fld : "values." + fld;
    String id = fld.substring("values.".length());
    if (protocol.form(f.formType()).flatMap(d -> d.field(id)).isEmpty()) {
      throw new InvalidFieldException("field", "form " + f.formType() + " has no field '" + id + "'");
    }
    String q = Checks.required("text", text, Checks.MAX_TEXT);
    String field2 = fld;
    return tx.execute(s -> insert(f, field2, q, "manual", actor.username()));
  }

  /** Opens a query from a failed edit check, inside the caller's transaction. */
  public DataQuery openFromCheck(StoredForm f, String field, String text, String checkId) {
    return insert(f, field, text, checkId, DataQuery.EDIT_CHECK);
  }

  /**
   * The open (or answered) queries a derivation raised for a participant, oldest first, inside the caller's
   * transaction.
   *
   * @param raisedBy the raiser, e.g. {@link DataQuery#RECONCILIATION}
   */
  public List<DataQuery> openRaisedBy(String participantId, String raisedBy) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_query WHERE participant_id = :p AND raised_by = :by"
            + " AND status <> :closed AND trial_id = :trial ORDER BY raised_at, id")
        .param("trial", audit.trialId())
        .param("p", participantId).param("by", raisedBy).param("closed", DataQuery.CLOSED)
        .query((rs, n) -> read(rs)).list();
  }

  /**
   * Opens a query raised by a derivation (reconciliation), inside the caller's transaction, audited as a
   * {@link AuditAction#DERIVE derivation} whose reason names the triggering change.
   */
  public DataQuery openDerived(StoredForm f, String field, String text, String origin, String raisedBy,
      String trigger) {
    String id = Ids.next();
    insertRow(id, f, field, text, origin, raisedBy);
    audit.record(new AuditEntry(raisedBy, AuditAction.DERIVE, ENTITY, id, "text", null,
        "form " + f.id() + " " + field + ": " + text, "opened after " + trigger, f.siteCode()));
    return find(id);
  }

  /**
   * Closes a query because the data no longer give it (reconciled), inside the caller's transaction: closed by
   * {@code closedBy}, the note saying so, audited as a {@link AuditAction#DERIVE derivation}.
   */
  public void closeDerived(DataQuery q, String closedBy, String note) {
    jdbc.sql("UPDATE crf_query SET status = :st, closed_by = :by, closed_at = :at, close_note = :n WHERE id = :id")
        .param("st", DataQuery.CLOSED).param("by", closedBy)
        .param("at", OffsetDateTime.ofInstant(now(), ZoneOffset.UTC)).param("n", note).param("id", q.id()).update();
    audit.record(new AuditEntry(closedBy, AuditAction.DERIVE, ENTITY, q.id(), "status", q.status(), DataQuery.CLOSED,
        note, q.siteCode()));
  }

  /**
   * Records a query carried by an imported ODM file (docs/cdisc.md, "Import"), inside the caller's transaction:
   * raised by the importing user with origin {@code imported}, its status as the file gives it, the original
   * raiser and time kept in the text ({@code <text> [raised by <user> at <time>; <file>]}). A query of the form and
   * field whose text starts with the file's text is already there (opened by the same edit check on the replayed
   * values, or imported before) and is not recorded again.
   *
   * @param status {@code open}, {@code answered} or {@code closed} (any case)
   * @return whether it was recorded
   */
  public boolean recordImported(Actor actor, StoredForm f, String field, String text, String status,
      String raisedBy, Instant raisedAt, String source) {
    String fld = field.startsWith("values.") ? field : "values." + field;
    boolean there = ofForm(f.id()).stream().anyMatch(q -> fld.equals(q.field()) && q.text().startsWith(text));
    if (there) {
      return false;
    }
    String st = status == null ? DataQuery.OPEN : status.toUpperCase(java.util.Locale.ROOT);
    if (!List.of(DataQuery.OPEN, DataQuery.ANSWERED, DataQuery.CLOSED).contains(st)) {
      st = DataQuery.OPEN;
    }
    String full = text + " [raised by " + raisedBy + " at " + raisedAt + "; " + source + "]";
    String q = full.length() <= Checks.MAX_TEXT ? full : full.substring(0, Checks.MAX_TEXT);
    String id = Ids.next();
    insertRow(id, f, fld, q, "imported", actor.username());
    if (!DataQuery.OPEN.equals(st)) {
      jdbc.sql("UPDATE crf_query SET status = :st WHERE id = :id").param("st", st).param("id", id).update();
    }
    audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, ENTITY, id, "text", null,
        "form " + f.id() + " " + fld + ": " + q + " (" + st + ")", source, f.siteCode()));
    return true;
  }

  private DataQuery insert(StoredForm f, String field, String text, String origin, String by) {
    String id = Ids.next();
    insertRow(id, f, field, text, origin, by);
    audit.record(new AuditEntry(by, AuditAction.CREATE, ENTITY, id, "text", null,
        "form " + f.id() + " " + field + ": " + text, null, f.siteCode()));
    return find(id);
  }

  private void insertRow(String id, StoredForm f, String field, String text, String origin, String by) {
    Instant now = now();
    jdbc.sql("INSERT INTO crf_query (" + COLUMNS.replace(", answer, answered_by, closed_by, close_note", "")
            + ", trial_id) VALUES (:id, :form, :p, :site, :field, :text, :origin, :status, :by, :at, :trial)")
        .param("trial", audit.trialId())
        .param("id", id)
        .param("form", f.id())
        .param("p", f.participantId())
        .param("site", f.siteCode())
        .param("field", field)
        .param("text", text)
        .param("origin", origin)
        .param("status", DataQuery.OPEN)
        .param("by", by)
        .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
        .update();
  }

  /** The site answers an open (or answered, to add to it) query. Investigators and coordinators of the site. */
  public DataQuery answer(Actor actor, String queryId, String answer) {
    DataQuery q = readable(actor, queryId);
    if (!((actor.role() == Role.INVESTIGATOR || actor.role() == Role.COORDINATOR)
        && actor.sites().contains(q.siteCode()))) {
      guard.deny(actor, q.siteCode(), ENTITY, queryId, "answer queries");
    }
    String a = Checks.required("answer", answer, Checks.MAX_TEXT);
    tx.executeWithoutResult(s -> {
      DataQuery cur = locked(queryId);
      if (cur.status().equals(DataQuery.CLOSED)) {
        throw new ConflictException("status", "the query is closed");
      }
      jdbc.sql("UPDATE crf_query SET answer = :a, answered_by = :by, answered_at = :at, status = :st WHERE id = :id")
          .param("a", a).param("by", actor.username()).param("at", OffsetDateTime.ofInstant(now(), ZoneOffset.UTC))
          .param("st", DataQuery.ANSWERED).param("id", queryId).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, ENTITY, queryId, "answer", cur.answer(), a,
          null, cur.siteCode()));
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, ENTITY, queryId, "status", cur.status(),
          DataQuery.ANSWERED, null, cur.siteCode()));
    });
    return find(queryId);
  }

  /**
   * Closes a query: only whoever raised it (a data manager of the site for edit-check and reconciliation queries;
   * reconciliation queries also close themselves once the data agree).
   */
  public DataQuery close(Actor actor, String queryId, String note) {
    DataQuery q = readable(actor, queryId);
    boolean raiser = q.raisedBy().equals(actor.username());
    boolean checkQuery = (q.raisedBy().equals(DataQuery.EDIT_CHECK) || q.raisedBy().equals(DataQuery.RECONCILIATION))
        && actor.role() == Role.DATA_MANAGER
        && actor.sites().contains(q.siteCode());
    if (!raiser && !checkQuery) {
      guard.deny(actor, q.siteCode(), ENTITY, queryId, "close a query raised by someone else");
    }
    String n = Checks.optional("note", note, Checks.MAX_TEXT);
    tx.executeWithoutResult(s -> {
      DataQuery cur = locked(queryId);
      if (cur.status().equals(DataQuery.CLOSED)) {
        throw new ConflictException("status", "the query is already closed");
      }
      jdbc.sql("UPDATE crf_query SET status = :st, closed_by = :by, closed_at = :at, close_note = :n WHERE id = :id")
          .param("st", DataQuery.CLOSED).param("by", actor.username())
          .param("at", OffsetDateTime.ofInstant(now(), ZoneOffset.UTC)).param("n", n).param("id", queryId).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, ENTITY, queryId, "status", cur.status(),
          DataQuery.CLOSED, n, cur.siteCode()));
    });
    return find(queryId);
  }

  /**
   * Queries the actor may read, optionally of one site and one status, oldest first.
   *
   * @throws InvalidFieldException for an unknown status
   */
  public List<DataQuery> list(Actor actor, String site, String status) {
    if (status != null && !List.of(DataQuery.OPEN, DataQuery.ANSWERED, DataQuery.CLOSED).contains(status)) {
      throw new InvalidFieldException("status", "must be OPEN, ANSWERED or CLOSED");
    }
    if (site != null) {
      guard.read(actor, site, "site", site);
    }
    // fixed fragments chosen by which filters are present; values stay bound parameters
    String where = " WHERE trial_id = :trial" + (site == null ? "" : " AND site_code = :site")
        + (status == null ? "" : " AND status = :status");
    var spec = jdbc.sql("SELECT " + COLUMNS + " FROM crf_query" + where + " ORDER BY raised_at, id")
        .param("trial", audit.trialId());
    if (site != null) {
      spec = spec.param("site", site);
    }
    if (status != null) {
      spec = spec.param("status", status);
    }
    return spec.query((rs, n) -> read(rs))
        .list()
        .stream()
        .filter(q -> AccessPolicy.canRead(actor, q.siteCode()))
        .toList();
  }

  /** The queries of one form, oldest first (no access check: the caller checked the form). */
  public List<DataQuery> ofForm(String formId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_query WHERE form_id = :f AND trial_id = :trial"
            + " ORDER BY raised_at, id")
        .param("f", formId).param("trial", audit.trialId()).query((rs, n) -> read(rs)).list();
  }

  /** One query the actor may read. */
  public DataQuery get(Actor actor, String queryId) {
    return readable(actor, queryId);
  }

  private DataQuery readable(Actor actor, String id) {
    DataQuery q = jdbc.sql("SELECT " + COLUMNS + " FROM crf_query WHERE id = :id AND trial_id = :trial")
        .param("id", id).param("trial", audit.trialId())
        .query((rs, n) -> read(rs)).optional().orElseThrow(() -> new RecordNotFoundException(ENTITY, id));
    guard.read(actor, q.siteCode(), ENTITY, id);
    return q;
  }

  private DataQuery find(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_query WHERE id = :id").param("id", id)
        .query((rs, n) -> read(rs)).single();
  }

  private DataQuery locked(String id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_query WHERE id = :id FOR UPDATE").param("id", id)
        .query((rs, n) -> read(rs)).single();
  }

  private static DataQuery read(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new DataQuery(rs.getString("id"), rs.getString("form_id"), rs.getString("participant_id"),
        rs.getString("site_code"), rs.getString("field"), rs.getString("text"), rs.getString("origin"),
        rs.getString("status"), rs.getString("raised_by"), rs.getObject("raised_at", OffsetDateTime.class).toInstant(),
        rs.getString("answer"), rs.getString("answered_by"), rs.getString("closed_by"), rs.getString("close_note"));
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }
}
