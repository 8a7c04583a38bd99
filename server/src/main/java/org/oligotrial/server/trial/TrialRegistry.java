package org.oligotrial.server.trial;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Collectors;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolCheck;
import org.oligotrial.protocol.ProtocolException;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.site.SiteService;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trials the server holds and their protocol versions, read from the database (the {@code trial}, {@code
 * protocol_version} and {@code trial_site} tables; the default trial is seeded by migration V60 from the protocol
 * bundled in the jar). Adding a trial and amending one are audited ({@code entity_type = trial}).
 *
 * <p>Versions: version 1 is the protocol a trial was added with; {@link #amend} adds the next. The <em>current</em>
 * version on a day is the highest-numbered version whose effective date is on or before that day (an amendment with
 * a later effective date waits); before the first version's effective date, version 1. Protocol texts are checked with
 * the core protocol checker ({@link ProtocolLoader#check}) before they are stored, and an amendment must carry the
 * trial's id. Parsed protocols are cached by their SHA-256 (a version's text never changes). Thread-safe.
 */
public final class TrialRegistry {
  /** Audit entity type of trial events (added, amended, made default, site enrolled). */
  public static final String ENTITY = "trial";

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final Clock clock;
  private final ConcurrentMap<String, Protocol> parsed = new ConcurrentHashMap<>();
  private final java.util.Set<String> enrolled = ConcurrentHashMap.newKeySet();

  private final SiteService siteService;

  /** @param sites finds the sites that {@link #enrolSite} enrols */
  public TrialRegistry(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, Clock clock, SiteService sites) {
    this.siteService = sites;
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /** Every trial, the default first, then by id. */
  public List<Trial> list() {
    return jdbc.sql("SELECT id FROM trial ORDER BY is_default DESC, id").query(String.class).list().stream()
        .map(this::get).toList();
  }

  /** Every trial's title by id, the default first, then by id: one statement (for the page header's picker). */
  public java.util.Map<String, String> titles() {
    java.util.Map<String, String> titles = new java.util.LinkedHashMap<>();
    jdbc.sql("SELECT id, title FROM trial ORDER BY is_default DESC, id")
        .query(rs -> {
          titles.put(rs.getString(1), rs.getString(2));
        });
    return titles;
  }

  /** The trial, if the server holds it (ids compare exactly, as registry ids are written: {@code NCT03119519}). */
  public Optional<Trial> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT id, title, is_default, created_at FROM trial WHERE id = :id").param("id", id)
        .query((rs, n) -> row(rs)).optional()
        .map(r -> {
          ProtocolVersion v = current(r.id());
          return new Trial(r.id(), r.title(), r.isDefault(), r.createdAt(), v, protocol(v));
        });
  }

  /**
   * The trial.
   *
   * @throws RecordNotFoundException (404) when the server holds no trial of that id
   */
  public Trial get(String id) {
    return find(id).orElseThrow(() -> new RecordNotFoundException("trial", id));
  }

  /** The default trial (the one the single-trial paths and commands address). */
  public Trial defaultTrial() {
    String id = jdbc.sql("SELECT id FROM trial WHERE is_default = TRUE").query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("no default trial: the database was not migrated (V60)"));
    return get(id);
  }

  /** The default trial's id. */
  public String defaultId() {
    return jdbc.sql("SELECT id FROM trial WHERE is_default = TRUE").query(String.class).optional()
        .orElseThrow(() -> new IllegalStateException("no default trial: the database was not migrated (V60)"));
  }

  /** The trial's protocol versions, oldest first. */
  public List<ProtocolVersion> versions(String trialId) {
    return jdbc.sql("SELECT trial_id, version, label, effective_date, reason, sha256, loaded_at, loaded_by"
            + " FROM protocol_version WHERE trial_id = :t ORDER BY version")
        .param("t", trialId)
        .query((rs, n) -> version(rs))
        .list();
  }

  /** The version current on {@code day}: see the class comment. */
  public ProtocolVersion versionOn(String trialId, LocalDate day) {
    List<ProtocolVersion> all = versions(trialId);
    if (all.isEmpty()) {
      throw new RecordNotFoundException("trial", trialId);
    }
    ProtocolVersion current = all.get(0);
    for (ProtocolVersion v : all) {
      if (!v.effectiveDate().isAfter(day)) {
        current = v;
      }
    }
    return current;
  }

  /** The version current today (UTC). */
  public ProtocolVersion current(String trialId) {
    return versionOn(trialId, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
  }

  /** The version with that number. */
  public ProtocolVersion version(String trialId, int version) {
    return versions(trialId).stream().filter(v -> v.version() == version).findFirst()
        .orElseThrow(() -> new RecordNotFoundException("protocol version", trialId + " v" + version));
  }

  /**
   * The version whose screening tag ({@link ProtocolVersion#screeningTag}) is {@code tag}, if any: which version a
   * stored screening result was made under.
   */
  public Optional<ProtocolVersion> versionOfScreeningTag(String trialId, String tag) {
    return versions(trialId).stream().filter(v -> v.screeningTag().equals(tag)).findFirst();
  }

  /** The protocol text of a version, exactly as loaded. */
  public String protocolText(String trialId, int version) {
    return jdbc.sql("SELECT protocol_yaml FROM protocol_version WHERE trial_id = :t AND version = :v")
        .param("t", trialId).param("v", version).query(String.class).optional()
        .orElseThrow(() -> new RecordNotFoundException("protocol version", trialId + " v" + version));
  }

  /** The protocol of a version, parsed (cached). */
  public Protocol protocol(ProtocolVersion v) {
    return parsed.computeIfAbsent(v.sha256(),
        sha -> ProtocolLoader.parse(protocolText(v.trialId(), v.version()), v.trialId() + " " + v.label()));
  }

  /**
   * Adds a trial from a protocol file's text: version 1, effective today.
   *
   * @param source the file's name, for messages
   * @param makeDefault whether it becomes the default trial (the first trial is always the default)
   * @throws InvalidFieldException ({@code protocol}) when the protocol has errors (each listed)
   * @throws ConflictException ({@code protocol}) when the server holds that trial already (amend it instead)
   * @throws SiteAccessDeniedException when the actor is not an administrator
   */
  public Trial add(Actor actor, String yaml, String source, boolean makeDefault) {
    requireAdministrator(actor, "adds trials");
    Protocol p = checked(yaml, source);
    String sha = sha256(yaml);
    Instant now = clock.instant();
    tx.executeWithoutResult(s -> {
      if (jdbc.sql("SELECT COUNT(*) FROM trial WHERE id = :id").param("id", p.id()).query(Long.class).single() > 0) {
        throw new ConflictException("protocol", "the server holds trial " + p.id() + " already: amend it with"
            + " 'trials amend --trial " + p.id() + "'");
      }
      boolean first = jdbc.sql("SELECT COUNT(*) FROM trial").query(Long.class).single() == 0;
      if (makeDefault) {
        jdbc.sql("UPDATE trial SET is_default = FALSE").update();
      }
      jdbc.sql("INSERT INTO trial (id, title, is_default, created_at, created_by) VALUES (:id, :t, :d, :at, :by)")
          .param("id", p.id()).param("t", p.title()).param("d", makeDefault || first).param("at", at(now))
          .param("by", actor.username()).update();
      insertVersion(p.id(), 1, LocalDate.ofInstant(now, ZoneOffset.UTC), "trial added", yaml, sha, now, actor);
      audit.record(entry(actor, AuditAction.CREATE, p.id(), "protocol", null, "v1 sha256:" + sha, null));
      if (makeDefault || first) {
        audit.record(entry(actor, AuditAction.UPDATE, p.id(), "default", null, "true", null));
      }
    });
    return get(p.id());
  }

  /**
   * Amends a trial: its protocol's next version, effective on {@code effective}.
   *
   * @throws InvalidFieldException ({@code protocol}) when the protocol has errors or its id is not the trial's (the
   *     message names both ids), or is the same text as the latest version; ({@code effective}) when missing or before
   *     the latest version's effective date; ({@code reason}) when blank
   * @throws RecordNotFoundException when the server holds no such trial
   * @throws SiteAccessDeniedException when the actor is not an administrator
   */
  public ProtocolVersion amend(Actor actor, String trialId, String yaml, String source, LocalDate effective,
      String reason) {
    requireAdministrator(actor, "amends trials");
    Trial trial = get(trialId);
    Protocol p = checked(yaml, source);
    if (!p.id().equals(trial.id())) {
      throw new InvalidFieldException("protocol", "the protocol's id is " + p.id() + ", not the trial's "
          + trial.id() + ": an amendment keeps the trial's id (add a different trial with 'trials add')");
    }
    if (effective == null) {
      throw new InvalidFieldException("effective", "required: the date from which the amendment applies");
    }
    String why = Checks.required("reason", reason, Checks.MAX_TEXT);
    String sha = sha256(yaml);
    Instant now = clock.instant();
    return tx.execute(s -> {
      jdbc.sql("SELECT id FROM trial WHERE id = :id FOR UPDATE").param("id", trialId).query(String.class).single();
      List<ProtocolVersion> all = versions(trialId);
      ProtocolVersion last = all.get(all.size() - 1);
      if (last.sha256().equals(sha)) {
        throw new InvalidFieldException("protocol", "the protocol is the same text as " + last.label()
            + " of " + trialId + ": nothing to amend");
      }
      if (effective.isBefore(last.effectiveDate())) {
        throw new InvalidFieldException("effective", "must be on or after " + last.effectiveDate() + ", the"
            + " effective date of " + last.label());
      }
      int next = last.version() + 1;
      insertVersion(trialId, next, effective, why, yaml, sha, now, actor);
      audit.record(entry(actor, AuditAction.UPDATE, trialId, "protocol", last.label() + " sha256:" + last.sha256(),
          "v" + next + " sha256:" + sha + " effective " + effective, why));
      return version(trialId, next);
    });
  }

  /** Makes the trial the default one. */
  public void makeDefault(Actor actor, String trialId) {
    requireAdministrator(actor, "chooses the default trial");
    get(trialId);
    tx.executeWithoutResult(s -> {
      jdbc.sql("UPDATE trial SET is_default = (id = :id)").param("id", trialId).update();
      audit.record(entry(actor, AuditAction.UPDATE, trialId, "default", null, "true", null));
    });
  }

  /**
   * Enrols a site (a hospital, shared by the server's trials) in the trial; nothing when it is enrolled already.
   *
   * @throws InvalidFieldException ({@code site}) when there is no such site
   */
  public void enrolSite(Actor actor, String trialId, String siteCode) {
    requireAdministrator(actor, "enrols sites in trials");
    get(trialId);
    tx.executeWithoutResult(s -> {
      String code = siteService.find(siteCode).map(org.oligotrial.server.site.Site::code)
          .orElseThrow(() -> new InvalidFieldException("site", "no site " + siteCode));
      if (jdbc.sql("SELECT COUNT(*) FROM trial_site WHERE trial_id = :t AND site_code = :s").param("t", trialId)
          .param("s", code).query(Long.class).single() > 0) {
        return;
      }
      jdbc.sql("INSERT INTO trial_site (trial_id, site_code, enrolled_at) VALUES (:t, :s, :at)")
          .param("t", trialId).param("s", code).param("at", at(clock.instant())).update();
      audit.record(entry(actor, AuditAction.CREATE, trialId, "site", null, code, null));
    });
  }

  /**
   * Enrols a site just added in the default trial, inside the caller's transaction (a site added to a server takes
   * part in its default trial, as it did when the server held one trial). Audited.
   */
  public void enrolInDefault(Actor actor, String siteCode) {
    String trial = defaultId();
    jdbc.sql("INSERT INTO trial_site (trial_id, site_code, enrolled_at) VALUES (:t, :s, :at)")
        .param("t", trial).param("s", siteCode).param("at", at(clock.instant())).update();
    audit.record(entry(actor, AuditAction.CREATE, trial, "site", null, siteCode, null));
  }

  /**
   * Whether the site takes part in the trial (codes as stored). Enrolments are never removed, so one found is kept in
   * memory (once committed); one not found is looked up again every time.
   */
  public boolean hasSite(String trialId, String siteCode) {
    String key = trialId + "\n" + siteCode;
    if (enrolled.contains(key)) {
      return true;
    }
    boolean found = jdbc.sql("SELECT COUNT(*) FROM trial_site WHERE trial_id = :t AND site_code = :s")
        .param("t", trialId).param("s", siteCode).query(Long.class).single() > 0;
    if (found && !org.springframework.transaction.support.TransactionSynchronizationManager
        .isActualTransactionActive()) {
      enrolled.add(key);
    }
    return found;
  }

  /** The codes of the sites taking part in the trial, sorted. */
  public List<String> sites(String trialId) {
    return jdbc.sql("SELECT site_code FROM trial_site WHERE trial_id = :t ORDER BY site_code").param("t", trialId)
        .query(String.class).list();
  }

  private void insertVersion(String trialId, int version, LocalDate effective, String reason, String yaml,
      String sha, Instant now, Actor actor) {
    jdbc.sql("INSERT INTO protocol_version (trial_id, version, label, effective_date, reason, protocol_yaml, sha256,"
            + " loaded_at, loaded_by) VALUES (:t, :v, :l, :e, :r, :y, :s, :at, :by)")
        .param("t", trialId).param("v", version).param("l", "v" + version).param("e", effective)
        .param("r", reason).param("y", yaml).param("s", sha).param("at", at(now)).param("by", actor.username())
        .update();
  }

  /** The protocol, or InvalidFieldException listing every error the checker found. */
  private static Protocol checked(String yaml, String source) {
    if (yaml == null || yaml.isBlank()) {
      throw new InvalidFieldException("protocol", "required: the protocol file's text");
    }
    ProtocolCheck check = ProtocolLoader.check(new StringReader(yaml), source);
    if (!check.valid()) {
      throw new InvalidFieldException("protocol", "the protocol has errors: " + check.errors().stream()
          .map(ProtocolException.Problem::toString).collect(Collectors.joining("; ")));
    }
    return check.protocol();
  }

  private static void requireAdministrator(Actor actor, String what) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator " + what);
    }
  }

  private static AuditEntry entry(Actor actor, AuditAction a, String trialId, String field, String oldValue,
      String newValue, String reason) {
    return new AuditEntry(actor.username(), a, ENTITY, trialId, field, oldValue, newValue, reason, null, trialId);
  }

  static String sha256(String yaml) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(yaml.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  private static OffsetDateTime at(Instant i) {
    return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
  }

  private record Row(String id, String title, boolean isDefault, Instant createdAt) {}

  private static Row row(ResultSet rs) throws SQLException {
    return new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3),
        rs.getObject(4, OffsetDateTime.class).toInstant());
  }

  private static ProtocolVersion version(ResultSet rs) throws SQLException {
    return new ProtocolVersion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(), rs.getString(8));
  }
}
