package org.oligotrial.server.datacapture.safety;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.oligotrial.safety.ReportingDeadline;

/**
 * One serious adverse event and its 24-hour reporting clock.
 *
 * @param participantId the participant
 * @param screeningNumber the participant's screening number
 * @param siteCode the participant's site
 * @param formId the form to open: the adverse-event form, else the serious adverse event report
 * @param event the event in words (the CTCAE term and grade)
 * @param awareness when the site became aware, in the site's time zone: the report's awareness time, else when the
 *     event was entered
 * @param awarenessEntered whether {@code awareness} is the entry time because no report gives it
 * @param due awareness + 24 elapsed hours, in the site's time zone
 * @param reported when the report was sent to the sponsor, in the site's time zone, or null
 * @param status where the report stands at {@code now}
 * @param remaining time left to the deadline at {@code now}; negative once overdue
 */
public record SeriousEvent(String participantId, String screeningNumber, String siteCode, String formId,
    String event, ZonedDateTime awareness, boolean awarenessEntered, ZonedDateTime due, ZonedDateTime reported,
    ReportingDeadline.Status status, Duration remaining) {

  /** Whether the report is not sent and the deadline passed. */
  public boolean overdue() {
    return status == ReportingDeadline.Status.OVERDUE;
  }

  /** Whether the report is still to be sent (the alert stands). */
  public boolean open() {
    return reported == null;
  }

  /** The clock in words: "5 h 20 min left" or "overdue by 2 h 5 min" ("reported" once sent). */
  public String clock() {
    if (reported != null) {
      return status == ReportingDeadline.Status.ON_TIME ? "reported in time" : "reported late";
    }
    Duration d = remaining.abs();
    String span = d.toHours() + " h " + d.toMinutesPart() + " min";
    return overdue() ? "overdue by " + span : span + " left";
  }

  /**
   * The deadline and the awareness it counts from in the site's local time, with the zone and its offset at the
   * deadline: "due 2026-12-07 14:00 (Asia/Shanghai, UTC+08:00), aware since 2026-12-06 14:00". The awareness's
   * offset is named too when it differs (a daylight-saving change between the two).
   */
  public String times() {
    DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    String aware = f.format(awareness)
        + (awareness.getOffset().equals(due.getOffset()) ? "" : " (" + offset(awareness) + ")");
    return "due " + f.format(due) + " (" + zone(due) + "), aware since " + aware
        + (awarenessEntered ? " (when the event was entered; no report gives the awareness time)" : "");
  }

  /** "Asia/Shanghai, UTC+08:00"; the zone UTC is named once: "UTC". */
  private static String zone(ZonedDateTime t) {
    String id = t.getZone().getId();
    return id.equals("UTC") ? "UTC" : id + ", " + offset(t);
  }

  private static String offset(ZonedDateTime t) {
    return t.getOffset().getTotalSeconds() == 0 ? "UTC" : "UTC" + t.getOffset().getId();
  }
}
