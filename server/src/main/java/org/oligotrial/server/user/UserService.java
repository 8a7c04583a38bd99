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
 * Adds users, gives them roles on trials, and changes their passwords.
 *
 * <p>Roles per trial (V60): {@link Role#ADMINISTRATOR} is server-wide (an administrator acts on every trial); every
 * other role is held on one trial at a time ({@code trial_member}), with its sites there ({@code trial_member_site}),
 * so a coordinator on trial A is nobody on trial B. {@link #actorOn} resolves who a user is on a trial. A user added
 * with a role that is not the administrator's holds it on the default trial; {@link #grant} gives roles on others.
 * {@code user_account.role} and {@code user_site} keep the role and sites the account was added with.
 *
 * <p>Passwords are hashed by the given encoder (BCrypt through Spring Security's delegating encoder in production) and
 * follow {@link PasswordRules}; sign-in outcomes and back-off are the {@link LoginThrottle}'s. Thread-safe.
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
  private final java.util.function.Supplier<String> defaultTrial;

  /**
   * @param tokens the API token cache, emptied after every change to a user that could make a token unusable
   * @param defaultTrial the default trial's id (roles given without a trial are roles on it)
   */
  public UserService(
      JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, SiteService sites, PasswordEncoder encoder,
      Clock clock, TokenCache tokens, java.util.function.Supplier<String> defaultTrial) {
    this.defaultTrial = defaultTrial;
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
    return add(actor, username, role, siteCodes, password, fullName, null);
  }

  /**
   * Adds a user holding {@code role} and {@code siteCodes} on trial {@code trialId} (null: the default trial); an
   * administrator's role is server-wide and the trial is not used.
   *
   * @see #add(Actor, String, Role, Set, String)
   */
  public UserAccount add(Actor actor, String username, Role role, Set<String> siteCodes, String password,
      String fullName, String trialId) {
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
          if (role != Role.ADMINISTRATOR) {
            String trial = trialId == null ? defaultTrial.get() : trialId;
            writeMembership(username, trial, role, codes);
            audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, "user", username, "trialRole", null,
                describe(new Membership(trial, role, codes)), null, null, trial));
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

  /**
   * The user, with the role and sites they hold on the default trial (an administrator: the administrator's role,
   * no sites), if any. A user who holds no role on the default trial is returned with the role they were added with
   * and no sites: use {@link #actorOn} to decide what they may do on a trial.
   */
  public Optional<UserAccount> find(String username) {
    return jdbc.sql("SELECT " + ACCOUNT_COLUMNS + " FROM user_account WHERE username = :u")
        .param("u", username)
        .query((rs, n) -> account(rs, 1))
        .optional()
        .map(a -> a.role() == Role.ADMINISTRATOR ? a : membership(a.username(), defaultTrial.get())
            .map(m -> a.withRoleAndSites(m.role(), m.sites()))
            .orElse(a.withSites(Set.of())));
  }

  /**
   * Who the user is on the trial: an administrator everywhere; else the role and sites they hold on it; empty when
   * the user does not exist, is disabled, or holds no role on the trial.
   */
  public Optional<Actor> actorOn(String username, String trialId) {
    // one statement: the account, its role on the trial and its sites there (one row per site, or one without)
    List<String[]> rows = jdbc.sql("SELECT u.role, m.role, s.site_code FROM user_account u LEFT JOIN trial_member m"
            + " ON m.username = u.username AND m.trial_id = :t LEFT JOIN trial_member_site s ON s.username ="
            + " m.username AND s.trial_id = m.trial_id WHERE u.username = :u AND u.enabled = TRUE")
        .param("u", username).param("t", trialId)
        .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    if (Role.ADMINISTRATOR.name().equals(rows.get(0)[0])) {
      return Optional.of(new Actor(username, Role.ADMINISTRATOR, Set.of()));
    }
    if (rows.get(0)[1] == null) {
      return Optional.empty();
    }
    Set<String> siteCodes = new TreeSet<>();
    for (String[] r : rows) {
      if (r[2] != null) {
        siteCodes.add(r[2]);
      }
    }
    return Optional.of(new Actor(username, Role.valueOf(rows.get(0)[1]), siteCodes));
  }

  /** Whether the user exists and is enabled. */
  public boolean isActive(String username) {
    return jdbc.sql("SELECT COUNT(*) FROM user_account WHERE username = :u AND enabled = TRUE").param("u", username)
        .query(Long.class).single() > 0;
  }

  /**
   * A user's role and sites on one trial.
   *
   * @param trialId the trial
   * @param role the role there (never the administrator's, which is server-wide)
   * @param sites the user's sites there
   */
  public record Membership(String trialId, Role role, Set<String> sites) {
    public Membership {
      sites = Set.copyOf(sites);
    }
  }

  /** The user's role and sites on the trial, if they hold one. */
  public Optional<Membership> membership(String username, String trialId) {
    return jdbc.sql("SELECT role FROM trial_member WHERE username = :u AND trial_id = :t")
        .param("u", username).param("t", trialId).query(String.class).optional()
        .map(role -> new Membership(trialId, Role.valueOf(role), Set.copyOf(jdbc.sql("SELECT site_code FROM"
                + " trial_member_site WHERE username = :u AND trial_id = :t").param("u", username)
            .param("t", trialId).query(String.class).list())));
  }

  /** Every trial role of the user, by trial id. */
  public List<Membership> memberships(String username) {
    return jdbc.sql("SELECT trial_id FROM trial_member WHERE username = :u ORDER BY trial_id").param("u", username)
        .query(String.class).list().stream().map(t -> membership(username, t).orElseThrow()).toList();
  }

  /** The ids of the trials where the user holds a role, sorted: one statement. */
  public List<String> trialIds(String username) {
    return jdbc.sql("SELECT trial_id FROM trial_member WHERE username = :u ORDER BY trial_id").param("u", username)
        .query(String.class).list();
  }

  /** The usernames holding a role on the trial, sorted. */
  public List<String> members(String trialId) {
    return jdbc.sql("SELECT username FROM trial_member WHERE trial_id = :t ORDER BY username").param("t", trialId)
        .query(String.class).list();
  }

  /**
   * Gives the user a role and sites on a trial, replacing what they held there. Audited (entity {@code user},
   * field {@code trialRole}, with the trial).
   *
   * @param trialId a trial the server holds (the caller checks it)
   * @param siteCodes at least one for site-bound roles, none otherwise
   * @throws InvalidFieldException ({@code username}, {@code role}, {@code site}) on an unknown user, the
   *     administrator's role (server-wide, not per trial) or a wrong site count or unknown site
   * @throws SiteAccessDeniedException when the actor is not an administrator
   */
  public Membership grant(Actor actor, String username, String trialId, Role role, Set<String> siteCodes) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator gives roles");
    }
    UserAccount u = find(username).orElseThrow(() -> new InvalidFieldException("username", "no user " + username));
    if (u.role() == Role.ADMINISTRATOR) {
      throw new InvalidFieldException("username", username + " is an administrator, on every trial");
    }
    if (role == null || role == Role.ADMINISTRATOR) {
      throw new InvalidFieldException("role", "must be one of investigator, coordinator, data-manager, monitor,"
          + " statistician (the administrator's role is server-wide)");
    }
    if (role.isSiteBound() && siteCodes.isEmpty()) {
      throw new InvalidFieldException("site", "a " + role.name().toLowerCase() + " belongs to at least one site");
    }
    if (!role.isSiteBound() && !siteCodes.isEmpty()) {
      throw new InvalidFieldException("site", "a " + role.name().toLowerCase() + " is not bound to sites");
    }
    Set<String> codes = new TreeSet<>();
    for (String code : siteCodes) {
      codes.add(sites.find(code).orElseThrow(() -> new InvalidFieldException("site", "no site " + code)).code());
    }
    Optional<Membership> before = membership(username, trialId);
    tx.executeWithoutResult(s -> {
      writeMembership(username, trialId, role, codes);
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, "user", username, "trialRole",
          before.map(UserService::describe).orElse(null), describe(new Membership(trialId, role, codes)), null, null,
          trialId));
    });
    tokens.invalidateAll();
    return new Membership(trialId, role, codes);
  }

  /** Takes the user's role on the trial away (nothing when they hold none). Audited. */
  public void revoke(Actor actor, String username, String trialId) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator takes roles away");
    }
    Optional<Membership> before = membership(username, trialId);
    if (before.isEmpty()) {
      return;
    }
    tx.executeWithoutResult(s -> {
      jdbc.sql("DELETE FROM trial_member_site WHERE username = :u AND trial_id = :t").param("u", username)
          .param("t", trialId).update();
      jdbc.sql("DELETE FROM trial_member WHERE username = :u AND trial_id = :t").param("u", username)
          .param("t", trialId).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.DELETE, "user", username, "trialRole",
          describe(before.get()), null, null, null, trialId));
    });
    tokens.invalidateAll();
  }

  private static String describe(Membership m) {
    return m.role().name() + (m.sites().isEmpty() ? "" : " " + String.join(",", new TreeSet<>(m.sites())));
  }

  private void writeMembership(String username, String trialId, Role role, Set<String> codes) {
    jdbc.sql("DELETE FROM trial_member_site WHERE username = :u AND trial_id = :t").param("u", username)
        .param("t", trialId).update();
    jdbc.sql("DELETE FROM trial_member WHERE username = :u AND trial_id = :t").param("u", username)
        .param("t", trialId).update();
    jdbc.sql("INSERT INTO trial_member (username, trial_id, role) VALUES (:u, :t, :r)").param("u", username)
        .param("t", trialId).param("r", role.name()).update();
    for (String code : codes) {
      jdbc.sql("INSERT INTO trial_member_site (username, trial_id, site_code) VALUES (:u, :t, :s)")
          .param("u", username).param("t", trialId).param("s", code).update();
    }
  }

  /** The columns {@link #account} reads, in its order. */
  static final String ACCOUNT_COLUMNS = "username, password_hash, role, enabled, throttled_until, full_name";

  /** The account (without sites) from {@link #ACCOUNT_COLUMNS} starting at column {@code from} of the row. */
  static UserAccount account(ResultSet rs, int from) throws SQLException {
    OffsetDateTime throttled = rs.getObject(from + 4, OffsetDateTime.class);
    return new UserAccount(rs.getString(from), rs.getString(from + 1), Role.valueOf(rs.getString(from + 2)),
        Set.of(), rs.getBoolean(from + 3), throttled == null ? null : throttled.toInstant(), rs.getString(from + 5));
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
