package org.oligotrial.server.user;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.oligotrial.server.audit.AccessDenials;
import org.oligotrial.server.audit.AuditAction;
import org.oligotrial.server.audit.AuditEntry;
import org.oligotrial.server.audit.AuditTrail;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Ids;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Electronic signatures under 21 CFR 11.50 and 11.200(a)(1): the signer re-enters the password for each signing,
 * and each signature carries the printed name, the time and the meaning.
 *
 * <p>Two steps, so that the signature is written in the transaction of the act it signs: {@link #verify} checks the
 * password (a wrong one is audited as {@code ACCESS_DENIED} and counted toward the account's sign-in back-off, see
 * {@link LoginThrottle}; while the back-off holds, no password is checked) and returns the {@link Signature};
 * {@link #record} then writes it to {@code electronic_signature} and as a {@code SIGN} audit row whose new value is
 * the manifestation ({@link Signature#manifestation()}), inside the caller's transaction. Thread-safe.
 */
public final class ElectronicSignatures {
  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final AccessDenials denials;
  private final UserService users;
  private final LoginThrottle throttle;
  private final Clock clock;

  /** The signatures on the register's database. */
  public ElectronicSignatures(
      JdbcClient jdbc, AuditTrail audit, UserService users, LoginThrottle throttle, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.denials = new AccessDenials(audit);
    this.users = users;
    this.throttle = throttle;
    this.clock = clock;
  }

  /**
   * Checks the re-entered password and returns the signature (not yet recorded).
   *
   * @param statement what is signed, e.g. {@code randomization of DEMO1-001}
   * @param entityType the signed record's type, for the audit row of a refusal
   * @param entityId the signed record's identifier
   * @param siteCode the record's site, or null
   * @throws InvalidFieldException (field {@code password}) when the password is missing or wrong (audited, counted)
   *     or the account's back-off holds
   */
  public Signature verify(Actor actor, String password, SignatureMeaning meaning, String statement,
      String entityType, String entityId, String siteCode) {
    UserAccount u = users.find(actor.username())
        .filter(UserAccount::enabled)
        .orElseThrow(() -> new InvalidFieldException("password", "the signer's account is not active"));
    Optional<Instant> held = throttle.heldUntil(u.username(), null);
    if (held.isPresent()) {
      denials.record(u.username(), entityType, entityId, "signature",
          "electronic signature refused: too many wrong passwords, held back until "
          + held.get().truncatedTo(ChronoUnit.SECONDS) + " (" + statement + ")", siteCode);
      throw new InvalidFieldException("password", "too many wrong passwords; try again after "
          + held.get().truncatedTo(ChronoUnit.SECONDS));
    }
    if (password == null || password.isEmpty()) {
      throw new InvalidFieldException("password", "re-enter your password to sign");
    }
    if (!users.passwordMatches(u, password)) {
      throttle.signatureFailed(u.username());
      denials.record(u.username(), entityType, entityId, "signature",
          "electronic signature failed: wrong password for " + statement, siteCode);
      throw new InvalidFieldException("password", "the password is not correct");
    }
    throttle.signatureSucceeded(u.username());
    return new Signature(Ids.next(), u.username(), u.printedName(), meaning, statement,
        clock.instant().truncatedTo(ChronoUnit.MICROS));
  }

  /**
   * Writes the signature with the record it signs, and its {@code SIGN} audit row. Call inside the act's transaction.
   */
  public void record(Signature s, String entityType, String entityId, String siteCode) {
    jdbc.sql("INSERT INTO electronic_signature (id, entity_type, entity_id, username, printed_name, meaning,"
            + " statement, signed_at) VALUES (:id, :t, :e, :u, :n, :m, :s, :at)")
        .param("id", s.id())
        .param("t", entityType)
        .param("e", entityId)
        .param("u", s.username())
        .param("n", s.printedName())
        .param("m", s.meaning().name())
        .param("s", s.statement().length() <= 400 ? s.statement() : s.statement().substring(0, 400))
        .param("at", OffsetDateTime.ofInstant(s.signedAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
    audit.record(new AuditEntry(s.username(), AuditAction.SIGN, entityType, entityId, "signature", null,
        s.manifestation(), "electronic signature (" + s.meaning().label() + "), password re-entered", siteCode));
  }

  /** The signatures of one record, oldest first. */
  public List<Signature> forRecord(String entityType, String entityId) {
    return jdbc.sql("SELECT id, username, printed_name, meaning, statement, signed_at FROM electronic_signature"
            + " WHERE entity_type = :t AND entity_id = :e ORDER BY signed_at, id")
        .param("t", entityType)
        .param("e", entityId)
        .query((rs, n) -> new Signature(rs.getString(1), rs.getString(2), rs.getString(3),
            SignatureMeaning.valueOf(rs.getString(4)), rs.getString(5),
            rs.getObject(6, OffsetDateTime.class).toInstant()))
        .list();
  }

  /**
   * A signature carried by an imported file: the original signer, meaning and time as the file gives them, never a
   * signature of the importing user and not checked against a password here.
   *
   * @param signer the signer's name as the file gives it (a user of the source system)
   * @param meaning the meaning's id as the file gives it ({@code SD.<meaning>} without the prefix)
   * @param signedAt when the signer signed (UTC)
   * @param importedFrom the file and its {@code FileOID}
   */
  public record Imported(String signer, String meaning, Instant signedAt, String importedFrom) {}

  /**
   * Records a signature carried by an imported file in {@code imported_signature} (V100) with a {@code CREATE} audit
   * row by the importing user naming signer, time, meaning and file; inside the caller's transaction. A signature the
   * record already holds (same signer, meaning and time) is not recorded again.
   *
   * @return whether it was recorded (false: already there)
   */
  public boolean recordImported(String importingUser, String entityType, String entityId, String siteCode,
      Imported s) {
    Instant at = s.signedAt().truncatedTo(ChronoUnit.MICROS);
    boolean there = importedForRecord(entityType, entityId).stream().anyMatch(x -> x.signer().equals(s.signer())
        && x.meaning().equals(s.meaning()) && x.signedAt().equals(at));
    if (there) {
      return false;
    }
    jdbc.sql("INSERT INTO imported_signature (id, entity_type, entity_id, signer, meaning, signed_at, imported_from,"
            + " imported_by, imported_at) VALUES (:id, :t, :e, :s, :m, :at, :f, :by, :now)")
        .param("id", org.oligotrial.server.kernel.Ids.next()).param("t", entityType).param("e", entityId)
        .param("s", s.signer()).param("m", s.meaning())
        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
        .param("f", s.importedFrom().length() <= 400 ? s.importedFrom() : s.importedFrom().substring(0, 400))
        .param("by", importingUser)
        .param("now", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE)
        .update();
    audit.record(new AuditEntry(importingUser, AuditAction.CREATE, entityType, entityId, "importedSignature", null,
        "signed by " + s.signer() + " at " + at + ", meaning " + s.meaning() + " (imported, not signed here)",
        s.importedFrom(), siteCode));
    return true;
  }

  /** The imported signatures of one record, oldest first. */
  public List<Imported> importedForRecord(String entityType, String entityId) {
    return jdbc.sql("SELECT signer, meaning, signed_at, imported_from FROM imported_signature"
            + " WHERE entity_type = :t AND entity_id = :e ORDER BY signed_at, id")
        .param("t", entityType)
        .param("e", entityId)
        .query((rs, n) -> new Imported(rs.getString(1), rs.getString(2),
            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4)))
        .list();
  }
}
