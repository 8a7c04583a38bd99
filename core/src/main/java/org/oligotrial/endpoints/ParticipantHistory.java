package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oligotrial.recist.TumourAssessments;

/**
 * What is known of one randomized participant, as the endpoints need it. Dates are calendar dates; nullable fields
 * say "did not happen / not known". Consistency is checked by {@link EndpointDerivation}.
 *
 * @param participantId trial participant id, non-blank
 * @param arm the allocated arm's id, as in the protocol's {@code arms[].id}
 * @param strata stratification factor to level, keyed by the protocol's factor ids; a missing factor is written as NA
 * @param randomizationDate day 0 of every time-to-event endpoint
 * @param progressions progressions recorded on the progression form (clinical progression), any order
 * @param assessmentDates dates of adequate tumour assessments (all target and non-target lesions evaluated); dates
 *     on or before randomization (screening scans) are ignored
 * @param deathDate date of death from any cause, or null
 * @param lastKnownAliveDate last date the participant was known to be alive, or null (then the latest recorded date)
 * @param withdrawalDate date of withdrawal from follow-up, or null; tumour data after it are not used
 * @param treatedLesions irradiated lesions (empty in the RT- arm)
 * @param adverseEvents CTCAE-graded adverse events
 * @param delivery planned and delivered treatment
 * @param tumour the structured tumour assessments (baseline lesions and follow-ups) from which RECIST progression
 *     and its sites are computed, or null when none were recorded (then only the progression forms count)
 */
public record ParticipantHistory(
    String participantId,
    String arm,
    Map<String, String> strata,
    LocalDate randomizationDate,
    List<ProgressionEvent> progressions,
    List<LocalDate> assessmentDates,
    LocalDate deathDate,
    LocalDate lastKnownAliveDate,
    LocalDate withdrawalDate,
    List<TreatedLesion> treatedLesions,
    List<AdverseEvent> adverseEvents,
    TreatmentDelivery delivery,
    TumourAssessments tumour) {

  /** A history without structured tumour assessments. */
  public ParticipantHistory(String participantId, String arm, Map<String, String> strata, LocalDate randomizationDate,
      List<ProgressionEvent> progressions, List<LocalDate> assessmentDates, LocalDate deathDate,
      LocalDate lastKnownAliveDate, LocalDate withdrawalDate, List<TreatedLesion> treatedLesions,
      List<AdverseEvent> adverseEvents, TreatmentDelivery delivery) {
    this(participantId, arm, strata, randomizationDate, progressions, assessmentDates, deathDate, lastKnownAliveDate,
        withdrawalDate, treatedLesions, adverseEvents, delivery, null);
  }

  /** Copies the collections. @throws NullPointerException if id, arm, randomization date or a collection is null */
  public ParticipantHistory {
    Objects.requireNonNull(participantId, "participantId");
    Objects.requireNonNull(arm, "arm");
    Objects.requireNonNull(randomizationDate, "randomizationDate");
    strata = Collections.unmodifiableMap(new LinkedHashMap<>(strata));
    progressions = List.copyOf(progressions);
    assessmentDates = List.copyOf(assessmentDates);
    treatedLesions = List.copyOf(treatedLesions);
    adverseEvents = List.copyOf(adverseEvents);
    Objects.requireNonNull(delivery, "delivery");
  }
}
