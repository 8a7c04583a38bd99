package org.oligotrial.server.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.register.ConflictException;
import org.oligotrial.server.register.InvalidFieldException;
import org.oligotrial.server.register.SiteAccessDeniedException;
import org.oligotrial.server.site.SiteService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds users, checks lockout and records login outcomes. Passwords are hashed by the given encoder (BCrypt through
 * Spring Security's delegating encoder in production); a user is locked for {@link #LOCKOUT} after
 * {@link #MAX_FAILURES} failed logins within {@link #FAILURE_WINDOW}. Thread-safe.
 */
public final class UserService {
  /** Failed logins that lock the account. */
  public static final int MAX_FAILURES = 5;
  /** The window in which failures are counted. */
  public static final Duration FAILURE_WINDOW = Duration.ofMinutes(15);
  /** How long a locked account stays locked. */
  public static final Duration LOCKOUT = Duration.ofMinutes(15);
  /** Shortest password accepted. */
  public static final int MIN_PASSWORD = 12;

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final SiteService sites;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final TokenCache tokens;

  /**
   * @param tokens the API token cache, emptied after every change to a user that could make a token unusable
   */
  public UserService(
      JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, SiteService sites, PasswordEncoder encoder,
      Clock clock, TokenCache tokens) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.sites = sites;
    this.encoder = encoder;
    this.clock = clock;
    this.tokens = tokens;
  }

  /**
   * Adds a user.
   *
   * @param siteCodes the user's sites: at least one for site-bound roles ({@link Role#isSiteBound()}), none otherwise
   * @throws InvalidFieldException on a bad username, short password, unknown site or wrong site count
   * @throws ConflictException when the username is taken
   * @throws SiteAccessDeniedException when the actor is not an administrator
   */
  public UserAccount add(Actor actor, String username, Role role, Set<String> siteCodes, String password) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator adds users");
    }
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidFieldException("username", "must be 1-64 letters, digits, '.', '_', '@' or '-'");
    }
    if (role == null) {
      throw new InvalidFieldException("role", "must be one of administrator, investigator, coordinator,"
          + " data-manager, monitor, statistician");
    }
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new InvalidFieldException("password", "must be at least " + MIN_PASSWORD + " characters");
    }
    if (role.isSiteBound() && siteCodes.isEmpty()) {
      throw new InvalidFieldException("site", "a " + role.name().toLowerCase() + " belongs to at least one site");
    }
    if (!role.isSiteBound() && !siteCodes.isEmpty()) {
      throw new InvalidFieldException("site", "a " + role.name().toLowerCase() + " is not bound to sites");
    }
    Set<String> codes = new TreeSet<>(); // as the sites spell them: "a" names site "A" (see SiteService#find)
    for (String code : siteCodes) {
      codes.add(sites.find(code).orElseThrow(() -> new InvalidFieldException("site", "no site " + code)).code());
    }
    String hash = encoder.encode(password);
    return tx.execute(
        s -> {
          if (find(username).isPresent()) {
            throw new ConflictException("username", "user " + username + " exists");
          }
          jdbc.sql("INSERT INTO user_account (username, password_hash, role, enabled, failed_count, created_at)"
                  + " VALUES (:u, :h, :r, TRUE, 0, :at)")
              .param("u", username)
              .param("h", hash)
              .param("r", role.name())
              .param("at", now())
              .update();
          for (String code : codes) {
            jdbc.sql("INSERT INTO user_site (username, site_code) VALUES (:u, :s)")
                .param("u", username)
                .param("s", code)
                .update();
          }
          audit.record(entry(actor, AuditAction.CREATE, username, "role", role.name()));
          audit.record(entry(actor, AuditAction.CREATE, username, "sites", String.join(",", codes)));
          audit.record(entry(actor, AuditAction.CREATE, username, "password", "(set)"));
          return new UserAccount(username, hash, role, Set.copyOf(codes), true, null);
        });
  }

  private static AuditEntry entry(Actor actor, AuditAction a, String username, String field, String value) {
    return new AuditEntry(actor.username(), a, "user", username, field, null, value, null, null);
  }

  /** The user, with sites, if any. */
  public Optional<UserAccount> find(String username) {
    return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM user_account WHERE username = :u")
        .param("u", username)
        .query((rs, n) -> account(rs, 1))
        .optional()
        .map(a -> a.withSites(sitesOf(a.username())));
  }

  /** The columns {@link #account} reads, in its order. */
  static final String ACCOUNT_COLUMNS = "username, password_hash, role, enabled, locked_until";

  /** The account (without sites) from {@link #ACCOUNT_COLUMNS} starting at column {@code from} of the row. */
  static UserAccount account(ResultSet rs, int from) throws SQLException {
    OffsetDateTime locked = rs.getObject(from + 4, OffsetDateTime.class);
    return new UserAccount(rs.getString(from), rs.getString(from + 1), Role.valueOf(rs.getString(from + 2)),
        Set.of(), rs.getBoolean(from + 3), locked == null ? null : locked.toInstant());
  }

  private Set<String> sitesOf(String username) {
    List<String> codes = jdbc.sql("SELECT site_code FROM user_site WHERE username = :u")
        .param("u", username)
        .query(String.class)
        .list();
    return Set.copyOf(codes);
  }

  /** Every username with its role, by name. */
  public List<UserAccount> list() {
    return jdbc.sql("SELECT username FROM user_account ORDER BY username")
        .query(String.class)
        .list()
        .stream()
        .map(u -> find(u).orElseThrow())
        .toList();
  }

  /**
   * Records a failed login: audited, counted, and the account locked at the {@link #MAX_FAILURES}th failure within
   * {@link #FAILURE_WINDOW}. Unknown usernames are audited but not counted.
   */
  public void loginFailed(String username, String why) {
    String name = username == null || username.isBlank() ? "(none)" : truncate(username, 64);
    tx.executeWithoutResult(
        s -> {
          Instant now = clock.instant();
          Optional<Failures> f =
              jdbc.sql("SELECT failed_count, first_failed_at FROM user_account WHERE username = :u FOR UPDATE")
                  .param("u", name)
                  .query((rs, n) -> {
                    OffsetDateTime first = rs.getObject(2, OffsetDateTime.class);
                    return new Failures(rs.getInt(1), first == null ? null : first.toInstant());
                  })
                  .optional();
          String lockNote = "";
          if (f.isPresent()) {
            Failures old = f.get();
            boolean fresh = old.first() == null || old.first().plus(FAILURE_WINDOW).isBefore(now);
            int count = fresh ? 1 : old.count() + 1;
            Instant first = fresh ? now : old.first();
            Instant lockedUntil = count >= MAX_FAILURES ? now.plus(LOCKOUT) : null;
            jdbc.sql("UPDATE user_account SET failed_count = :c, first_failed_at = :f,"
                    + " locked_until = COALESCE(:l, locked_until) WHERE username = :u")
                .param("c", lockedUntil == null ? count : 0)
                .param("f", lockedUntil == null ? utc(first) : null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("l", lockedUntil == null ? null : utc(lockedUntil), java.sql.Types.TIMESTAMP_WITH_TIMEZONE)
                .param("u", name)
                .update();
            if (lockedUntil != null) {
              lockNote = "; account locked until " + lockedUntil.truncatedTo(ChronoUnit.SECONDS);
            }
          }
          audit.record(new AuditEntry(name, AuditAction.LOGIN_FAILED, "user", name, null, null, null,
              why + lockNote, null));
        });
    // a lockout makes the user's tokens unusable too
    tokens.invalidateAll();
  }

  /** Records a successful login: audited; clears the failure count. */
  public void loginSucceeded(String username, String how) {
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("UPDATE user_account SET failed_count = 0, first_failed_at = NULL WHERE username = :u"
                  + " AND failed_count > 0")
              .param("u", username)
              .update();
          audit.record(new AuditEntry(username, AuditAction.LOGIN, "user", username, null, null, null, how, null));
        });
  }

  /** Whether the password matches the stored hash (constant-time in the encoder). */
  public boolean passwordMatches(UserAccount user, String password) {
    return encoder.matches(password, user.passwordHash());
  }

  private OffsetDateTime now() {
    return utc(clock.instant());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private static String truncate(String s, int n) {
    return s.length() <= n ? s : s.substring(0, n);
  }

  private record Failures(int count, Instant first) {}
}
