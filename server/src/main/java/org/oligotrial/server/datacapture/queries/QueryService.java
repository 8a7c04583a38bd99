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
 * The query workflow, one owner per step:
 *
 * <pre>
 *   raise (data manager or monitor of the site; or an edit check)
 *     -> OPEN --answer (investigator or coordinator of the site)--> ANSWERED --answer again--> ANSWERED
 *   OPEN | ANSWERED --close (see below), note optional--> CLOSED
 *   CLOSED --re-open (data manager or monitor of the site), reason required--> OPEN
 * </pre>
 *
 * <p>Who closes: whoever raised the query (a data manager or monitor); the queries the system raised (edit checks,
 * reconciliation) any data manager or monitor of the site. Any data manager or monitor of the site re-opens a closed
 * query, giving the reason. Edit-check queries also close themselves: after every save {@link #applyChecks} closes each edit-check
 * query whose check no longer fails on its field (closed by {@code edit-check}, the note naming the check, the form
 * version and who saved it, audited as a {@link AuditAction#DERIVE derivation}), and opens a query for each failing
 * check unless one is already open (or answered) on the same form, field and check: a re-save never duplicates. Every
 * step is audited ({@code entity_type = query}). Thread-safe.
 */
public final class QueryService {
  /** Audit entity type. */
  public static final String ENTITY = "query";
  private static final String COLUMNS = "id, form_id, participant_id, site_code, field, text, origin, status,"
      + " raised_by, raised_at, answer, answered_by, closed_by, close_note, closed_at, reopened_by, reopen_reason";
  private static final String INSERT_COLUMNS = "id, form_id, participant_id, site_code, field, text, origin, status,"
      + " raised_by, raised_at";
  /** The statuses of {@link #list}: the three of a query and {@code PENDING} (open or answered). */
  public static final List<String> STATUSES = List.of(DataQuery.OPEN, DataQuery.ANSWERED, DataQuery.CLOSED, "PENDING");

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
   * @throws ConflictException (409) when the form is locked: a locked form's values cannot change, so a query on it
   *     could not be resolved; the data manager unlocks it first
   */
  public DataQuery raise(Actor actor, String formId, String field, String text) {
    StoredForm f = forms.find(formId).orElseThrow(() -> new RecordNotFoundException("form", formId));
    guard.raiseQuery(actor, f.siteCode(), "form", formId);
    if (StoredForm.LOCKED.equals(f.status())) {
      throw new ConflictException("form", lockedMessage(f.formType()));
    }
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

  /** The refusal of a query on a locked form, naming the form ({@code the form "adverse event" is locked; ...}). */
  public String lockedMessage(String formType) {
    String name = protocol.form(formType).map(d -> d.name()).orElse(formType);
    return "the form \"" + name + "\" is locked; unlock it to raise a query";
  }

  /**
   * A check that fails on a field of a saved form.
   *
   * @param checkId the edit check's id, stored as the query's origin
   * @param field {@code values.<id>}
   * @param message what is wrong
   */
  public record CheckFinding(String checkId, String field, String message) {}

  /**
   * Brings the form's edit-check queries in line with the checks just run on its saved values, inside the caller's
   * transaction (which holds the participant's lock): each open or answered edit-check query whose check and field
   * are not among {@code found} closes (by {@link DataQuery#EDIT_CHECK}, the note saying which check passes after
   * which change); each finding opens a query unless an open or answered one of the same check and field exists.
   *
   * @param trigger the change in words, e.g. {@code version 2 saved by coord.a}
   * @return the queries opened
   */
  public List<DataQuery> applyChecks(StoredForm f, List<CheckFinding> found, String trigger) {
    List<DataQuery> pending = ofForm(f.id()).stream()
        .filter(q -> q.pending() && DataQuery.EDIT_CHECK.equals(q.raisedBy())).toList();
    for (DataQuery q : pending) {
      boolean stillFails = found.stream().anyMatch(x -> x.checkId().equals(q.origin()) && x.field().equals(q.field()));
      if (!stillFails) {
        closeDerived(q, DataQuery.EDIT_CHECK, "closed automatically: check " + q.origin() + " passes on " + q.field()
            + " after " + trigger);
      }
    }
    List<DataQuery> opened = new java.util.ArrayList<>();
    for (CheckFinding x : found) {
      boolean open = pending.stream().anyMatch(q -> q.origin().equals(x.checkId()) && q.field().equals(x.field()));
      if (!open) {
        opened.add(insert(f, x.field(), x.message(), x.checkId(), DataQuery.EDIT_CHECK));
      }
    }
    return opened;
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
    jdbc.sql("INSERT INTO crf_query (" + INSERT_COLUMNS + ", trial_id) VALUES (:id, :form, :p, :site, :field, :text, :origin, :status, :by, :at, :trial)")
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
    if (!mayAnswer(actor, q)) {
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
   * Whether the actor may close the query: whoever raised it; for the queries the system raised (edit checks,
   * reconciliation), the data managers and monitors of its site.
   */
  public static boolean mayClose(Actor actor, DataQuery q) {
    boolean system = DataQuery.EDIT_CHECK.equals(q.raisedBy()) || DataQuery.RECONCILIATION.equals(q.raisedBy());
    return q.raisedBy().equals(actor.username()) || system && mayReopen(actor, q);
  }

  /** Whether the actor may re-open a closed query: data managers and monitors of its site. */
  public static boolean mayReopen(Actor actor, DataQuery q) {
    return (actor.role() == Role.DATA_MANAGER || actor.role() == Role.MONITOR) && actor.sites().contains(q.siteCode());
  }

  /** Whether the actor may answer the query: investigators and coordinators of its site. */
  public static boolean mayAnswer(Actor actor, DataQuery q) {
    return (actor.role() == Role.INVESTIGATOR || actor.role() == Role.COORDINATOR)
        && actor.sites().contains(q.siteCode());
  }

  /** Closes an open or answered query ({@link #mayClose}); the note is optional and shown with the query. */
  public DataQuery close(Actor actor, String queryId, String note) {
    DataQuery q = readable(actor, queryId);
    if (!mayClose(actor, q)) {
      guard.deny(actor, q.siteCode(), ENTITY, queryId, "close this query");
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
   * Re-opens a closed query with a reason ({@link #mayReopen}): back to {@code OPEN}, the closing fields cleared (the
   * closing note stays in the audit trail), who and why kept with the query.
   *
   * @throws InvalidFieldException (field {@code reason}) without a reason
   * @throws ConflictException when the query is not closed
   */
  public DataQuery reopen(Actor actor, String queryId, String reason) {
    DataQuery q = readable(actor, queryId);
    if (!mayReopen(actor, q)) {
      guard.deny(actor, q.siteCode(), ENTITY, queryId, "re-open queries");
    }
    String why = Checks.required("reason", reason, Checks.MAX_TEXT);
    tx.executeWithoutResult(s -> {
      DataQuery cur = locked(queryId);
      if (!cur.status().equals(DataQuery.CLOSED)) {
        throw new ConflictException("status", "only a closed query is re-opened; this one is " + cur.status());
      }
      jdbc.sql("UPDATE crf_query SET status = :st, closed_by = NULL, closed_at = NULL, close_note = NULL,"
              + " reopened_by = :by, reopened_at = :at, reopen_reason = :r WHERE id = :id")
          .param("st", DataQuery.OPEN).param("by", actor.username())
          .param("at", OffsetDateTime.ofInstant(now(), ZoneOffset.UTC)).param("r", why).param("id", queryId).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, ENTITY, queryId, "status", cur.status(),
          DataQuery.OPEN, "re-opened: " + why, cur.siteCode()));
    });
    return find(queryId);
  }

  /**
   * What to list: every filter optional (null).
   *
   * @param site one site code
   * @param formType one form type of the protocol
   * @param status {@code OPEN}, {@code ANSWERED}, {@code CLOSED} or {@code PENDING} (open or answered)
   * @param minAgeDays only queries raised at least this many whole days ago
   */
  public record Filter(String site, String formType, String status, Integer minAgeDays) {
    /** No filter. */
    public static final Filter ALL = new Filter(null, null, null, null);
  }

  /** Queries the actor may read, optionally of one site and one status, oldest first. */
  public List<DataQuery> list(Actor actor, String site, String status) {
    return list(actor, new Filter(site, null, status, null));
  }

  /**
   * Queries the actor may read that pass the filter, oldest first.
   *
   * @throws InvalidFieldException naming the filter for an unknown status or form type, or a negative age
   */
  public List<DataQuery> list(Actor actor, Filter filter) {
    String status = filter.status();
    if (status != null && !STATUSES.contains(status)) {
      throw new InvalidFieldException("status", "must be one of " + STATUSES);
    }
    if (filter.formType() != null && protocol.form(filter.formType()).isEmpty()) {
      throw new InvalidFieldException("form", "no form type '" + Checks.optional("form", filter.formType(), 64)
          + "' in the protocol");
    }
    if (filter.minAgeDays() != null && filter.minAgeDays() < 0) {
      throw new InvalidFieldException("age", "must be 0 or more days");
    }
    String site = filter.site();
    if (site != null) {
      guard.read(actor, site, "site", site);
    }
    // fixed fragments chosen by which filters are present; values stay bound parameters
    String where = " WHERE q.trial_id = :trial" + (site == null ? "" : " AND q.site_code = :site")
        + (status == null ? "" : status.equals("PENDING") ? " AND q.status <> :status" : " AND q.status = :status")
        + (filter.formType() == null ? "" : " AND f.form_type = :type")
        + (filter.minAgeDays() == null ? "" : " AND q.raised_at <= :before");
    var spec = jdbc.sql("SELECT " + qualified() + " FROM crf_query q JOIN crf_form f ON f.id = q.form_id" + where
            + " ORDER BY q.raised_at, q.id")
        .param("trial", audit.trialId());
    if (site != null) {
      spec = spec.param("site", site);
    }
    if (status != null) {
      spec = spec.param("status", status.equals("PENDING") ? DataQuery.CLOSED : status);
    }
    if (filter.formType() != null) {
      spec = spec.param("type", filter.formType());
    }
    if (filter.minAgeDays() != null) {
      spec = spec.param("before", OffsetDateTime.ofInstant(now().minus(java.time.Duration.ofDays(filter.minAgeDays())),
          ZoneOffset.UTC));
    }
    return spec.query((rs, n) -> read(rs))
        .list()
        .stream()
        .filter(q -> AccessPolicy.canRead(actor, q.siteCode()))
        .toList();
  }

  /**
   * The number of open or answered queries per participant at the sites the actor may read (participants without
   * any are absent): the query count of each casebook, in one statement.
   */
  public java.util.Map<String, Integer> pendingByParticipant(Actor actor) {
    java.util.Map<String, Integer> out = new java.util.HashMap<>();
    jdbc.sql("SELECT participant_id, site_code, COUNT(*) AS n FROM crf_query WHERE trial_id = :trial"
            + " AND status <> :closed GROUP BY participant_id, site_code")
        .param("trial", audit.trialId()).param("closed", DataQuery.CLOSED)
        .query(rs -> {
          if (AccessPolicy.canRead(actor, rs.getString("site_code"))) {
            out.merge(rs.getString("participant_id"), rs.getInt("n"), Integer::sum);
          }
        });
    return out;
  }

  /** The open or answered queries of the participant's forms, oldest first (no access check: the caller checked). */
  public List<DataQuery> pendingOfParticipant(String participantId) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM crf_query WHERE participant_id = :p AND trial_id = :trial"
            + " AND status <> :closed ORDER BY raised_at, id")
        .param("p", participantId).param("trial", audit.trialId()).param("closed", DataQuery.CLOSED)
        .query((rs, n) -> read(rs)).list();
  }

  /** The form type of each of the forms, by form id (for listing queries with their form). */
  public java.util.Map<String, String> formTypes(java.util.Collection<String> formIds) {
    java.util.Map<String, String> out = new java.util.HashMap<>();
    if (formIds.isEmpty()) {
      return out;
    }
    jdbc.sql("SELECT id, form_type FROM crf_form WHERE id IN (:ids) AND trial_id = :trial")
        .param("ids", formIds).param("trial", audit.trialId())
        .query(rs -> {
          out.put(rs.getString(1), rs.getString(2));
        });
    return out;
  }

  /** The sites with at least one query that the actor may read, sorted: the choices of a site filter. */
  public List<String> sitesWithQueries(Actor actor) {
    return jdbc.sql("SELECT DISTINCT site_code FROM crf_query WHERE trial_id = :trial ORDER BY site_code")
        .param("trial", audit.trialId()).query(String.class).list().stream()
        .filter(site -> AccessPolicy.canRead(actor, site)).toList();
  }

  /** The current time of the service's clock (for the age of queries). */
  public Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  private static String qualified() {
    return "q." + COLUMNS.replace(", ", ", q.");
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
        rs.getString("answer"), rs.getString("answered_by"), rs.getString("closed_by"), rs.getString("close_note"),
        instant(rs, "closed_at"), rs.getString("reopened_by"), rs.getString("reopen_reason"));
  }

  private static Instant instant(java.sql.ResultSet rs, String col) throws java.sql.SQLException {
    OffsetDateTime t = rs.getObject(col, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
