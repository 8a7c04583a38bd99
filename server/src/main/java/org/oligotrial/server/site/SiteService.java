package org.oligotrial.server.site;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Adds and lists sites. Every addition is audited. Thread-safe. */
public final class SiteService {
  private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

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

  /**
   * Adds a site.
   *
   * @param rawCode the code as typed: stored as {@link Identifiers#clean} gives it (NFKC, dashes as '-', trimmed)
   * @throws InvalidFieldException when the code is not 1-32 letters, digits, '-' or '_', or the name is blank
   * @throws ConflictException when the code exists, compared by {@link Identifiers#key} ({@code a} is {@code A})
   * @throws SiteAccessDeniedException when the actor is not an administrator
   */
  public Site add(Actor actor, String rawCode, String name) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator adds sites");
    }
    String code = Identifiers.clean("code", rawCode);
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidFieldException("code", "must be 1-32 letters, digits, '-' or '_'");
    }
    Checks.required("name", name, 200);
    return tx.execute(
        s -> {
          Optional<Site> same = find(code);
          if (same.isPresent()) {
            throw new ConflictException("code", "site " + same.get().code() + " exists (codes are compared ignoring"
                + " case, width and dash style)");
          }
          Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
          jdbc.sql("INSERT INTO site (code, name, created_at) VALUES (:code, :name, :at)")
              .param("code", code)
              .param("name", name)
              .param("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .update();
          audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, "site", code, "name", null, name, null,
              code));
          afterAdd.added(actor, code);
          return new Site(code, name, now);
        });
  }

  /**
   * The site with that code, if any, compared by {@link Identifiers#key} ({@code site.code_key}, a generated column
   * {@code lower(code)}: codes are ASCII once cleaned): {@code a}, {@code " A"} and a full-width {@code Ａ} all find
   * site {@code A}. A code holding invisible characters finds nothing. Sites are never changed or removed once added,
   * so a site found once is kept in memory; a code not found is looked up again every time (another process may add
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
    Optional<Site> site = jdbc.sql("SELECT code, name, created_at FROM site WHERE code_key = :key")
        .param("key", key)
        .query((rs, n) -> new Site(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant()))
        .optional();
    // only a committed site is kept: inside a transaction the row may yet roll back
    if (site.isPresent() && !TransactionSynchronizationManager.isActualTransactionActive()) {
      found.put(key, site.get());
    }
    return site;
  }

  /** Every site, by code. */
  public List<Site> list() {
    return jdbc.sql("SELECT code, name, created_at FROM site ORDER BY code")
        .query((rs, n) -> new Site(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant()))
        .list();
  }
}
