package org.oligotrial.server.datacapture.forms;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case report form as stored.
 *
 * @param id form id (UUID)
 * @param participantId the participant
 * @param siteCode the participant's site
 * @param formType the protocol's form id, e.g. {@code adverse-event}
 * @param visitId the schedule visit it completes, or null
 * @param visitNumber the occurrence of that visit (1, 2, ...), or null
 * @param formDate the value of the form's date field
 * @param valuesJson the entered values, normalised JSON object
 * @param derivedJson values the system derived (BED/EQD2, RECIST response), JSON object, or null
 * @param version 1 on first save, +1 per change
 * @param status {@code ENTERED}, {@code SIGNED} or {@code LOCKED}
 * @param signedBy the investigator who signed the current version, or null
 * @param signedAt when, or null
 * @param lockedBy the data manager who locked it, or null
 * @param updatedAt last change
 * @param updatedBy who changed it last
 */
public record StoredForm(String id, String participantId, String siteCode, String formType, String visitId,
    Integer visitNumber, LocalDate formDate, String valuesJson, String derivedJson, int version, String status,
    String signedBy, Instant signedAt, String lockedBy, Instant updatedAt, String updatedBy) {

  /** Status of a form that was saved and not yet signed (also after a change to a signed form). */
  public static final String ENTERED = "ENTERED";
  /** Signed by an investigator; a change returns it to {@link #ENTERED}. */
  public static final String SIGNED = "SIGNED";
  /** Locked by a data manager: no change until unlocked. */
  public static final String LOCKED = "LOCKED";
}
