package org.oligotrial.server.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.site.SiteService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds users and changes their passwords. Passwords are hashed by the given encoder (BCrypt through Spring
 * Security's delegating encoder in production) and follow {@link PasswordRules}; sign-in outcomes and back-off are
 * the {@link LoginThrottle}'s. Thread-safe.
 */
public final class UserService {
  /** Shortest password accepted. */
  public static final int MIN_PASSWORD = PasswordRules.MIN_CHARACTERS;

  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final AccessDenials denials;
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
    this.denials = new AccessDenials(audit);
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
    return add(actor, username, role, siteCodes, password, null);
  }

  /**
   * Adds a user with the full name printed with their electronic signatures.
   *
   * @param fullName the printed name, or null to print the username
   * @see #add(Actor, String, Role, Set, String)
   */
  public UserAccount add(
      Actor actor, String username, Role role, Set<String> siteCodes, String password, String fullName) {
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
    PasswordRules.check("password", password);
    String name = fullName == null || fullName.isBlank() ? null : Checks.required("name", fullName.strip(), 200);
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
          jdbc.sql("INSERT INTO user_account (username, password_hash, role, enabled, failed_count, created_at,"
                  + " full_name) VALUES (:u, :h, :r, TRUE, 0, :at, :n)")
              .param("u", username)
              .param("n", name, java.sql.Types.VARCHAR)
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
          if (name != null) {
            audit.record(entry(actor, AuditAction.CREATE, username, "fullName", name));
          }
          audit.record(entry(actor, AuditAction.CREATE, username, "password", "(set)"));
          return new UserAccount(username, hash, role, Set.copyOf(codes), true, null, name);
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
  static final String ACCOUNT_COLUMNS = "username, password_hash, role, enabled, throttled_until, full_name";

  /** The account (without sites) from {@link #ACCOUNT_COLUMNS} starting at column {@code from} of the row. */
  static UserAccount account(ResultSet rs, int from) throws SQLException {
    OffsetDateTime throttled = rs.getObject(from + 4, OffsetDateTime.class);
    return new UserAccount(rs.getString(from), rs.getString(from + 1), Role.valueOf(rs.getString(from + 2)),
        Set.of(), rs.getBoolean(from + 3), throttled == null ? null : throttled.toInstant(), rs.getString(from + 5));
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
   * Whether the password matches the stored hash (constant-time in the encoder). A password BCrypt cannot take (over
   * {@link PasswordRules#MAX_BYTES} bytes) never matches: BCrypt would compare only its first 72 bytes.
   */
  public boolean passwordMatches(UserAccount user, String password) {
    return PasswordRules.checkable(password) && encoder.matches(password, user.passwordHash());
  }

  /**
   * Changes a user's password: the current one is checked, the new one follows {@link PasswordRules}; every API
   * token of the user is revoked in the same transaction (the caller ends the user's web sessions). Audited; the
   * password itself never is.
   *
   * @return how many tokens were revoked
   * @throws InvalidFieldException naming {@code current} (wrong; audited and counted toward the back-off by the
   *     caller), {@code next} or {@code repeat}
   */
  public int changePassword(String username, String current, String next, String repeat) {
    UserAccount u = find(username).orElseThrow(() -> new InvalidFieldException("username", "no such user"));
    if (current == null || !passwordMatches(u, current)) {
      denials.record(username, "user", username, "password", "password change refused: wrong current password",
          null);
      throw new InvalidFieldException("current", "the current password is not correct");
    }
    PasswordRules.check("next", next);
    if (!next.equals(repeat)) {
      throw new InvalidFieldException("repeat", "does not match the new password");
    }
    if (next.equals(current)) {
      throw new InvalidFieldException("next", "is the same as the current password");
    }
    String hash = encoder.encode(next);
    Integer revoked = tx.execute(s -> {
      jdbc.sql("UPDATE user_account SET password_hash = :h WHERE username = :u")
          .param("h", hash).param("u", username).update();
      audit.record(new AuditEntry(username, AuditAction.UPDATE, "user", username, "password", null,
          null, "password changed by the user", null));
      List<String> ids = jdbc.sql("SELECT id FROM api_token WHERE username = :u AND revoked = FALSE ORDER BY id")
          .param("u", username).query(String.class).list();
      for (String id : ids) {
        jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE id = :id").param("id", id).update();
        audit.record(new AuditEntry(username, AuditAction.UPDATE, "api_token", id, "revoked", "false", "true",
            "revoked by the password change", null));
      }
      return ids.size();
    });
    tokens.invalidateAll();
    return revoked == null ? 0 : revoked;
  }

  private OffsetDateTime now() {
    return utc(clock.instant());
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

}
