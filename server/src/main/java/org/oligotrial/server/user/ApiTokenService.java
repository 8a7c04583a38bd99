package org.oligotrial.server.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Checks;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.RecordNotFoundException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal API tokens ({@code Authorization: Bearer olt_...}). A token is 256 random bits shown once to its owner;
 * only its SHA-256 is stored (a fast hash suffices for a secret that cannot be guessed, unlike a password). Tokens
 * expire. Thread-safe.
 */
public final class ApiTokenService {
  /** Prefix of every token, so that leaked tokens are easy to recognise. */
  public static final String PREFIX = "olt_";
  /** Longest validity a token may be given. */
  public static final Duration MAX_VALIDITY = Duration.ofDays(365);

  private final SecureRandom random = new SecureRandom();
  private final JdbcClient jdbc;
  private final TransactionTemplate tx;
  private final AuditTrail audit;
  private final AccessDenials denials;
  private final Clock clock;
  private final TokenCache cache;

  /**
   * @param cache valid tokens already checked (used only while an {@link AccountChangeListener} keeps it enabled)
   */
  private final java.util.function.Supplier<String> defaultTrial;

  /** @param defaultTrial the default trial's id: a token's user acts with their role and sites on it */
  public ApiTokenService(JdbcClient jdbc, TransactionTemplate tx, AuditTrail audit, Clock clock, TokenCache cache,
      java.util.function.Supplier<String> defaultTrial) {
    this.defaultTrial = defaultTrial;
    this.jdbc = jdbc;
    this.tx = tx;
    this.audit = audit;
    this.denials = new AccessDenials(audit);
    this.clock = clock;
    this.cache = cache;
  }

  /**
   * Creates a token for the actor. Audited (without the secret).
   *
   * @param validity how long the token works, at most {@link #MAX_VALIDITY}
   * @return the token id, the secret (shown once) and its expiry
   */
  public NewToken create(Actor actor, String label, Duration validity) {
    return create(actor, label, validity, null);
  }

  /**
   * Creates a token for the actor that expires no later than {@code notAfter}: a request authenticated by a token
   * passes that token's expiry, so that a token cannot mint a token that outlives it (a stolen token would otherwise
   * renew itself for a year).
   *
   * @param notAfter the latest expiry allowed, or null (a password or session sign-in)
   * @throws org.oligotrial.server.kernel.InvalidFieldException ({@code validDays}) when the validity is out of
   *     range or would outlive {@code notAfter}
   */
  public NewToken create(Actor actor, String label, Duration validity, Instant notAfter) {
    Checks.required("label", label, 200);
    if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
      throw new org.oligotrial.server.kernel.InvalidFieldException("validDays", "must be 1 to 365 days");
    }
    if (notAfter != null && clock.instant().truncatedTo(ChronoUnit.MICROS).plus(validity).isAfter(notAfter)) {
      throw new org.oligotrial.server.kernel.InvalidFieldException("validDays", "a token cannot create a token"
          + " that outlives it: the token used expires at " + notAfter.truncatedTo(ChronoUnit.SECONDS)
          + "; ask for fewer days or sign in with a password");
    }
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    String id = Ids.next();
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    Instant expires = now.plus(validity);
    tx.executeWithoutResult(
        s -> {
          jdbc.sql("INSERT INTO api_token (id, username, token_hash, label, created_at, expires_at, revoked)"
                  + " VALUES (:id, :u, :h, :l, :c, :e, FALSE)")
              .param("id", id)
              .param("u", actor.username())
              .param("h", sha256(token))
              .param("l", label)
              .param("c", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
              .param("e", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC))
              .update();
          audit.record(new AuditEntry(actor.username(), AuditAction.CREATE, "api_token", id, "label", null, label,
              null, null));
        });
    return new NewToken(id, token, expires);
  }

  /** The actor's own tokens, newest first (never the secrets: only their hashes are stored). */
  public List<TokenInfo> list(Actor actor) {
    return jdbc.sql("SELECT id, label, created_at, expires_at, revoked FROM api_token WHERE username = :u"
            + " ORDER BY created_at DESC, id")
        .param("u", actor.username())
        .query((rs, n) -> new TokenInfo(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getObject(4, OffsetDateTime.class).toInstant(),
            rs.getBoolean(5)))
        .list();
  }

  /**
   * Revokes a token: its owner or an administrator may; from then on it is refused. Audited with the reason (by
   * default "revoked by" the actor). Revoking a revoked token changes nothing.
   *
   * @return true when the token was revoked by this call, false when it was revoked already
   * @throws RecordNotFoundException when there is no such token
   * @throws SiteAccessDeniedException when the actor is neither the owner nor an administrator (audited)
   */
  public boolean revoke(Actor actor, String id, String reason) {
    Checks.required("id", id, 36);
    Checks.optional("reason", reason, Checks.MAX_TEXT);
    String why = reason == null || reason.isBlank() ? "revoked by " + actor.username() : reason;
    Optional<String> owner = ownerOf(id);
    if (owner.isEmpty()) {
      throw new RecordNotFoundException("api_token", id);
    }
    if (!owner.get().equals(actor.username()) && actor.role() != Role.ADMINISTRATOR) {
      throw denials.refuse(actor, "api_token", id, null, actor.role() + " may not revoke another user's token",
          "only the token's owner or an administrator may revoke it");
    }
    Boolean changed = tx.execute(s -> {
      int n = jdbc.sql("UPDATE api_token SET revoked = TRUE WHERE id = :id AND revoked = FALSE")
          .param("id", id)
          .update();
      if (n == 1) {
        audit.record(new AuditEntry(actor.username(), AuditAction.UPDATE, "api_token", id, "revoked", "false",
            "true", why, null));
      }
      return n == 1;
    });
    cache.invalidateAll();
    return Boolean.TRUE.equals(changed);
  }

  private Optional<String> ownerOf(String id) {
    return jdbc.sql("SELECT username FROM api_token WHERE id = :id").param("id", id).query(String.class).optional();
  }

  /**
   * The user a token belongs to, when the token is known, unexpired, unrevoked and the user enabled. The sign-in
   * back-off does not apply to tokens (a guesser must not be able to stop a user's scripts).
   */
  public Optional<UserAccount> authenticate(String token) {
    return check(token).map(TokenUser::user);
  }

  /**
   * A valid token's user and expiry.
   *
   * @param user the owner
   * @param expiresAt when the token stops working
   */
  public record TokenUser(UserAccount user, Instant expiresAt) {}

  /** As {@link #authenticate}, with the token's expiry (a token cannot mint a token that outlives it). */
  public Optional<TokenUser> check(String token) {
    if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    String hash = sha256(token);
    TokenCache.Entry hit = cache.get(hash);
    if (hit != null) {
      return usable(hit.user(), hit.expiresAt(), now).map(u -> new TokenUser(u, hit.expiresAt()));
    }
    long readAt = cache.generation();
    // one round trip: the token, its user and the user's sites (one row per site, or one row without a site);
    // from column 4 the user's columns, in the order of UserService.ACCOUNT_COLUMNS
    List<TokenUserRow> rows =
        jdbc.sql("SELECT t.expires_at, t.revoked, s.site_code, u.username, u.password_hash,"
                + " CASE WHEN u.role = 'ADMINISTRATOR' THEN u.role ELSE COALESCE(m.role, u.role) END, u.enabled,"
                + " u.throttled_until, u.full_name FROM api_token t JOIN user_account u ON u.username = t.username"
                + " LEFT JOIN trial_member m ON m.username = u.username AND u.role <> 'ADMINISTRATOR' AND m.trial_id ="
                + " :trial LEFT JOIN trial_member_site s ON s.username = m.username AND s.trial_id = m.trial_id"
                + " WHERE t.token_hash = :h")
            .param("h", hash)
            .param("trial", defaultTrial.get())
            .query((rs, n) -> new TokenUserRow(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getBoolean(2),
                rs.getString(3), UserService.account(rs, 4)))
            .list();
    if (rows.isEmpty() || rows.get(0).revoked() || !rows.get(0).expiresAt().isAfter(now)) {
      return Optional.empty();
    }
    Set<String> sites = new HashSet<>();
    for (TokenUserRow r : rows) {
      if (r.siteCode() != null) {
        sites.add(r.siteCode());
      }
    }
    UserAccount user = rows.get(0).user().withSites(sites);
    cache.put(hash, new TokenCache.Entry(user, rows.get(0).expiresAt()), readAt);
    return usable(user, rows.get(0).expiresAt(), now).map(u -> new TokenUser(u, rows.get(0).expiresAt()));
  }

  private static Optional<UserAccount> usable(UserAccount user, Instant expiresAt, Instant now) {
    return expiresAt.isAfter(now) && user.enabled() ? Optional.of(user) : Optional.empty();
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A token as its owner sees it.
   *
   * @param id the identifier (for revocation)
   * @param label what the owner called it
   * @param createdAt when it was created
   * @param expiresAt when it stops working
   * @param revoked whether it was revoked
   */
  public record TokenInfo(String id, String label, Instant createdAt, Instant expiresAt, boolean revoked) {}

  private record TokenUserRow(Instant expiresAt, boolean revoked, String siteCode, UserAccount user) {}

  /**
   * A freshly created token.
   *
   * @param id the token's identifier (for the audit trail and revocation)
   * @param token the secret, shown once
   * @param expiresAt when it stops working
   */
  public record NewToken(String id, String token, Instant expiresAt) {}
}
