package org.oligotrial.server.user;

import java.security.SecureRandom;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.AccessPolicy;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The optional second sign-in factor: a TOTP secret per user ({@link Totp}), in {@code user_totp}.
 *
 * <p>Enrolment: {@link #start} makes a fresh secret and returns it once (with its {@code otpauth://} URI); the user
 * adds it to an authenticator app and {@link #confirm}s with a code, from which on sign-in needs a code. A code is
 * accepted once: the step of the last code accepted is stored and only later steps are accepted, so a code seen by
 * someone else (over a shoulder, in a proxy log) cannot be replayed. An administrator can remove a user's second
 * factor (a lost phone). Every change is audited; the secret never is. Which roles must have it is the server's
 * configuration ({@code oligotrial.security.totp-required-roles}). Thread-safe.
 *
 * <p>The secret is stored as base32 in the database (it must be readable to compute codes); whoever can read the
 * database can compute codes, which is the limit of TOTP's shared-secret design.
 */
public final class SecondFactor {
  /** Issuer shown in authenticator apps. */
  public static final String ISSUER = "OligoTrial";

  private final SecureRandom random = new SecureRandom();
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final Clock clock;

  /** The second factor on the register's database. */
  public SecondFactor(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * A secret just made, shown once.
   *
   * @param secret the key in base32
   * @param uri the {@code otpauth://} URI with it
   */
  public record Enrolment(String secret, String uri) implements java.io.Serializable {}

  /** Whether the user has a confirmed second factor (sign-in then needs a code). */
  public boolean enrolled(String username) {
    return jdbc.sql("SELECT confirmed FROM user_totp WHERE username = :u")
        .param("u", username)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * Makes a new secret for the actor (replacing an unconfirmed one), to be confirmed with a code.
   *
   * @throws ConflictException when the actor already has a confirmed second factor
   */
  public Enrolment start(Actor actor) {
    byte[] key = new byte[Totp.KEY_BYTES];
    random.nextBytes(key);
    String secret = Totp.base32(key);
    tx.executeWithoutResult(s -> {
      Optional<Boolean> confirmed = jdbc.sql("SELECT confirmed FROM user_totp WHERE username = :u FOR UPDATE")
          .param("u", actor.username()).query(Boolean.class).optional();
      if (confirmed.orElse(false)) {
        throw new ConflictException("secondFactor", "a second factor is set up already; an administrator removes"
            + " it (for a lost device) before a new one is set up");
      }
      jdbc.sql("DELETE FROM user_totp WHERE username = :u").param("u", actor.username()).update();
      jdbc.sql("INSERT INTO user_totp (username, secret, confirmed, last_step, created_at)"
              + " VALUES (:u, :s, FALSE, -1, :at)")
          .param("u", actor.username()).param("s", secret)
          .param("at", utc(clock.instant()), Types.TIMESTAMP_WITH_TIMEZONE).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, "user", actor.username(), "secondFactor",
          null, "pending", "TOTP secret issued (shown once), to be confirmed", null));
    });
    return new Enrolment(secret, Totp.uri(ISSUER, actor.username(), secret));
  }

  /**
   * Confirms the pending secret with a code from the app; from then on sign-in needs a code.
   *
   * @throws InvalidFieldException ({@code code}) when the code does not match
   * @throws ConflictException when no secret is pending
   */
  public void confirm(Actor actor, String code) {
    Boolean ok = tx.execute(s -> {
      Optional<Row> row = lock(actor.username());
      if (row.isEmpty() || row.get().confirmed()) {
        throw new ConflictException("secondFactor", "no second factor is waiting for confirmation; start again");
      }
      long step = Totp.match(Totp.fromBase32(row.get().secret()), code, clock.instant(), row.get().lastStep());
      if (step < 0) {
        return false;
      }
      jdbc.sql("UPDATE user_totp SET confirmed = TRUE, last_step = :s WHERE username = :u")
          .param("s", step).param("u", actor.username()).update();
      audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, "user", actor.username(), "secondFactor",
          "pending", "enabled", "TOTP second factor confirmed with a code", null));
      return true;
    });
    if (!Boolean.TRUE.equals(ok)) {
      throw new InvalidFieldException("code", "the code does not match; type the 6 digits the app shows now");
    }
  }

  /**
   * Checks a sign-in code of a user with a confirmed second factor, and uses it up.
   *
   * @return true when it matches a step newer than the last one used
   */
  public boolean verify(String username, String code) {
    return Boolean.TRUE.equals(tx.execute(s -> {
      Optional<Row> row = lock(username);
      if (row.isEmpty() || !row.get().confirmed()) {
        return false;
      }
      long step = Totp.match(Totp.fromBase32(row.get().secret()), code, clock.instant(), row.get().lastStep());
      if (step < 0) {
        return false;
      }
      jdbc.sql("UPDATE user_totp SET last_step = :s WHERE username = :u").param("s", step).param("u", username)
          .update();
      return true;
    }));
  }

  /**
   * Removes a user's second factor (a lost device); the user sets up a new one at the next sign-in if the role
   * requires it.
   *
   * @throws SiteAccessDeniedException unless the actor is an administrator
   */
  public boolean remove(Actor actor, String username, String reason) {
    if (!AccessPolicy.canManage(actor)) {
      throw new SiteAccessDeniedException("only an administrator removes a second factor");
    }
    String why = org.oligotrial.server.kernel.Checks.reason(reason);
    return Boolean.TRUE.equals(tx.execute(s -> {
      int n = jdbc.sql("DELETE FROM user_totp WHERE username = :u").param("u", username).update();
      if (n > 0) {
        audit.record(new AuditEntry(actor.username(), AuditAction.DELETE, "user", username, "secondFactor",
            "enabled", null, why, null));
      }
      return n > 0;
    }));
  }

  private Optional<Row> lock(String username) {
    return jdbc.sql("SELECT secret, confirmed, last_step FROM user_totp WHERE username = :u FOR UPDATE")
        .param("u", username)
        .query((rs, n) -> new Row(rs.getString(1), rs.getBoolean(2), rs.getLong(3)))
        .optional();
  }

  private static OffsetDateTime utc(Instant i) {
    return OffsetDateTime.ofInstant(i.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
  }

  private record Row(String secret, boolean confirmed, long lastStep) {}
}
