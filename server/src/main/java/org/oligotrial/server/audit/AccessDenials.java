package org.oligotrial.server.audit;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.SiteAccessDeniedException;

/**
 * The one place that records a refused access in the audit trail ({@link AuditAction#ACCESS_DENIED}): every service
 * and page that refuses goes through here, so each refusal is written the same way and fits the trail's columns.
 * {@code AccessDenialsAreRecordedInOnePlaceTest} holds that no other class writes {@code ACCESS_DENIED}.
 *
 * <p>What is recorded: the user, the record type and id that were asked for (the id cut to the 200 characters of
 * {@code audit_event.entity_id}), the field when the refusal is about one (a signature, a password), the reason
 * (for example {@code MONITOR may not change at site S1}) and the site when it is a site code that fits its column
 * (32 characters; a longer value is something the caller typed, kept only in the reason).
 *
 * <p>{@link #refuse} records and returns the {@link SiteAccessDeniedException} (HTTP 403) for the caller to throw;
 * {@link #record} only records, for refusals that are answered otherwise (a wrong password is a 422 naming the
 * field). The entry is written at once and outside the caller's transaction ({@link AuditTrail#recordNow}), so a
 * refusal stays recorded when the request fails. Thread-safe.
 */
public final class AccessDenials {
  static final int MAX_ID = 200;
  static final int MAX_SITE = 32;

  private final Consumer<AuditEntry> trail;

  public AccessDenials(AuditTrail audit) {
    this(Objects.requireNonNull(audit, "audit")::recordNow);
  }

  /** Refusals of a trial's service: each entry names the trial ({@link TrialAudit}). */
  public AccessDenials(TrialAudit audit) {
    this(Objects.requireNonNull(audit, "audit")::recordNow);
  }

  AccessDenials(Consumer<AuditEntry> trail) {
    this.trail = trail;
  }

  /**
   * Records that {@code actor} was refused and returns the exception to throw.
   *
   * @param entityType the record type asked for, e.g. {@code participant}, {@code page}, {@code export}
   * @param entityId the record asked for; never null
   * @param siteCode the site of the record, or null when the refusal is not about one site
   * @param reason what was refused, for the trail (e.g. {@code MONITOR may not change at site S1})
   * @param message what the caller is told; the REST API and the web pages show it with the 403
   */
  public SiteAccessDeniedException refuse(Actor actor, String entityType, String entityId, String siteCode,
      String reason, String message) {
    record(actor.username(), entityType, entityId, null, reason, siteCode);
    return new SiteAccessDeniedException(message);
  }

  /**
   * Records that {@code actor} was refused what {@code what} says and returns the exception to throw, with the
   * message {@code a <role> may not <what>} (the role in lower case, e.g. {@code a data manager may not read}).
   */
  public SiteAccessDeniedException refuse(Actor actor, String entityType, String entityId, String siteCode,
      String what) {
    return refuse(actor, entityType, entityId, siteCode, actor.role() + " may not " + what,
        "a " + roleName(actor) + " may not " + what);
  }

  /**
   * Records a refusal that the caller answers otherwise (a wrong password, a signature held back).
   *
   * @param username the user refused
   * @param field the field the refusal is about (e.g. {@code signature}, {@code password}), or null
   */
  public void record(String username, String entityType, String entityId, String field, String reason,
      String siteCode) {
    String id = entityId.length() <= MAX_ID ? entityId : entityId.substring(0, MAX_ID);
    String site = siteCode == null || siteCode.length() > MAX_SITE ? null : siteCode;
    trail.accept(new AuditEntry(username, AuditAction.ACCESS_DENIED, entityType, id, field, null, null, reason,
        site));
  }

  /** The actor's role as a message names it: {@code data manager}. */
  public static String roleName(Actor actor) {
    return actor.role().name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
