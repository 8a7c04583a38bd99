package org.oligotrial.server.site;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.Identifiers;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds and lists sites and sets their time zones. Every addition and change is audited. Thread-safe.
 *
 * <p>Time zones: a site's zone is an IANA region id of the tz database as {@link ZoneId#getAvailableZoneIds()}
 * knows it ({@code Asia/Shanghai}, {@code Europe/Berlin}, {@code UTC}); fixed offsets such as {@code +08:00} are
 * refused, since they would miss a daylight-saving change. A site added without a zone is in {@code UTC}.
 */
public final class SiteService {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");
  /** The zone of a site added without one, and of the sites added before zones were recorded (V96). */
  public static final ZoneId UTC = ZoneId.of("UTC");

  private final ConcurrentMap<String, Site> found = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final Clock clock;

  /** What follows the addition of a site, in its transaction. */
  @FunctionalInterface
  public interface SiteAdded {
    void added(Actor actor, String code);
  }

  private volatile SiteAdded afterAdd = (actor, code) -> {};

  /**
   * Sets what follows, inside its transaction, the addition of a site (the register enrols it in the default trial).
   * One listener: a later call replaces the earlier.
   */
  public void onAdded(SiteAdded listener) {
    this.afterAdd = listener == null ? (actor, code) -> {} : listener;
  }

  public SiteService(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /** Adds a site in {@code UTC}: {@link #add(Actor, String, String, String)} without a zone. */
  public Site add(Actor actor, String rawCode, String name) {
    return add(actor, rawCode, name, null);
  }

  /**
   * Adds a site.
   *
   * @param rawCode the code as typed: stored as {@link Identifiers#clean} gives it (NFKC, dashes as '-', trimmed)
   * @param timeZone the site's IANA time zone, e.g. {@code Asia/Shanghai}; null or blank for {@code UTC}
   * @throws InvalidFieldException when the code is not 1-32 letters, digits, '-' or '_', the name is blank, or the
   *     time zone (field {@code timeZone}) is not an IANA region id
   * @throws ConflictException when the code exists, compared by {@link Identifiers#key} ({@code a} is {@code A})
   * @throws SiteAccessDeniedException when the actor is not an administrator
   */
  public Site add(Actor actor, String rawCode, String name, String timeZone) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator adds sites");
    }
    String code = Identifiers.clean("code", rawCode);
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidFieldException("code", "must be 1-32 letters, digits, '-' or '_'");
    }
    Checks.required("name", name, 200);
    ZoneId stored = timeZone == null || timeZone.isBlank() ? UTC : zone(timeZone);
    return tx.execute(
        s -> {
          Optional<Site> same = find(code);
          if (same.isPresent()) {
            throw new ConflictException("code", "site " + same.get().code() + " exists (codes are compared ignoring"
                + " case, width and dash style)");
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          jdbc.sql("INSERT INTO site (code, name, created_at, time_zone) VALUES (:code, :name, :at, :zone)")
              .param("code", code)
              .param("name", name)
              .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .param("zone", stored.getId())
              .update();
          audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, "site", code, "name", null, name, null,
              code));
          if (timeZone != null && !timeZone.isBlank()) { // without a zone the site is in UTC, as sites always were
            audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, "site", code, "timeZone", null,
                stored.getId(), null, code));
          }
          afterAdd.added(actor, code);
          return new Site(code, name, now, stored);
        });
  }

  /**
   * Sets a site's time zone, audited (field {@code timeZone}, old and new zone, the reason). The serious adverse
   * event clocks of the site read its later times, and re-read its earlier ones, in the new zone.
   *
   * @param code the site's code, compared as {@link #find} does
   * @param timeZone the IANA time zone, e.g. {@code Asia/Shanghai}
   * @param reason why (required: a change after the first save)
   * @return the site with its new zone
   * @throws InvalidFieldException when the zone (field {@code timeZone}) is not an IANA region id or the reason is
   *     blank
   * @throws RecordNotFoundException when there is no such site
   * @throws SiteAccessDeniedException when the actor is not an administrator
   */
  public Site setTimeZone(Actor actor, String code, String timeZone, String reason) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator sets a site's time zone");
    }
    ZoneId zone = zone(timeZone);
    Checks.required("reason", reason, 500);
    Site site = tx.execute(s -> {
      Site before = read(code).orElseThrow(() -> new RecordNotFoundException("site", String.valueOf(code)));
      if (before.timeZone().equals(zone)) {
        return before;
      }
      jdbc.sql("UPDATE site SET time_zone = :zone WHERE code = :code")
          .param("zone", zone.getId()).param("code", before.code()).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, "site", before.code(), "timeZone",
          before.timeZone().getId(), zone.getId(), reason, before.code()));
      return new Site(before.code(), before.name(), before.createdAt(), zone);
    });
    found.remove(Identifiers.key(site.code()));
    return site;
  }

  /**
   * The time zone of each of the sites (by code as stored), read afresh from the database every call (one statement)
   * so that a zone another process set counts at once. A code not found is left out.
   */
  public Map<String, ZoneId> timeZones(Collection<String> codes) {
    Map<String, ZoneId> zones = new HashMap<>();
    if (codes == null || codes.isEmpty()) {
      return zones;
    }
    jdbc.sql("SELECT code, time_zone FROM site WHERE code IN (:codes)").param("codes", codes)
        .query((rs, n) -> zones.put(rs.getString(1), stored(rs.getString(2)))).list();
    return zones;
  }

  /**
   * A time zone as given (field {@code timeZone}): an IANA region id that {@link ZoneId#getAvailableZoneIds()} knows,
   * trimmed, spelled as the tz database spells it.
   *
   * @throws InvalidFieldException naming {@code timeZone} when it is blank or not such an id
   */
  public static ZoneId zone(String timeZone) {
    String id = timeZone == null ? "" : timeZone.strip();
    if (id.isEmpty()) {
      throw new InvalidFieldException("timeZone", "is required: an IANA time zone such as Asia/Shanghai or UTC");
    }
    if (!ZoneId.getAvailableZoneIds().contains(id)) {
      throw new InvalidFieldException("timeZone", "'" + id + "' is not a known IANA time zone; give a region such"
          + " as Asia/Shanghai, Europe/Berlin or UTC (fixed offsets such as +08:00 miss daylight-saving changes)");
    }
    return ZoneId.of(id);
  }

  /** A stored zone; a value this version of Java no longer knows reads as UTC rather than failing every page. */
  private static ZoneId stored(String id) {
    try {
      return id == null ? UTC : ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return UTC;
    }
  }

  /**
   * The site with that code, if any, compared by {@link Identifiers#key} ({@code site.code_key}, a generated column
   * {@code lower(code)}: codes are ASCII once cleaned): {@code a}, {@code " A"} and a full-width {@code Ａ} all find
   * site {@code A}. A code holding invisible characters finds nothing. Sites are never removed and only their zone changes,
   * so a site found once is kept in memory (its zone as of then: {@link #timeZones} reads the zone afresh; a change
   * in this process forgets the kept site); a code not found is looked up again every time (another process may add
   * it).
   */
  public Optional<Site> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    String key;
    try {
      key = Identifiers.key(Identifiers.clean("siteCode", code));
    } catch (InvalidFieldException e) {
      return Optional.empty();
    }
    Site known = found.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Site> site = read(key);
    // only a committed site is kept: inside a transaction the row may yet roll back
    if (site.isPresent() && !TransactionSynchronizationManager.isActualTransactionActive()) {
      found.put(key, site.get());
    }
    return site;
  }

  /** Every site, by code. */
  public List<Site> list() {
    return jdbc.sql("SELECT code, name, created_at, time_zone FROM site ORDER BY code")
        .query((rs, n) -> site(rs))
        .list();
  }

  /** The site of that code from the database, compared by {@link Identifiers#key}; nothing kept. */
  private Optional<Site> read(String code) {
    String key;
    try {
      key = Identifiers.key(Identifiers.clean("siteCode", code));
    } catch (InvalidFieldException e) {
      return Optional.empty();
    }
    return jdbc.sql("SELECT code, name, created_at, time_zone FROM site WHERE code_key = :key")
        .param("key", key)
        .query((rs, n) -> site(rs))
        .optional();
  }

  private static Site site(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Site(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class).toInstant(),
        stored(rs.getString(4)));
  }
}
