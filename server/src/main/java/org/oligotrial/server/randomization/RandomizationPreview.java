package org.oligotrial.server.randomization;

import java.util.List;
import java.util.Map;

/**
 * What randomizing the participant now would use, shown for confirmation before the irreversible step. Says nothing
 * about the next allocation: only the participant's own levels, stratum and the plan for each arm.
 *
 * @param participantId the participant
 * @param status the participant's status
 * @param screeningVersion the latest screening version, which the levels are derived from
 * @param eligibility the latest screening's verdict
 * @param randomizable whether {@code POST .../randomization} would go ahead now
 * @param blockingReasons why not, each naming the field (empty when randomizable)
 * @param method the randomization method
 * @param factors the derived level of each factor (empty when the facts cannot be read)
 * @param stratum the stratum key (null when the levels cannot be derived)
 * @param confirmFactors factor id to level: send back as {@code confirmFactors} to randomize exactly these
 * @param treatmentPlans arm code to the treatment plan the participant would receive on that arm
 */
public record RandomizationPreview(
    String participantId,
    String status,
    int screeningVersion,
    String eligibility,
    boolean randomizable,
    List<BlockingReason> blockingReasons,
    String method,
    List<FactorLevelView> factors,
    String stratum,
    Map<String, String> confirmFactors,
    Map<String, PlanView> treatmentPlans) {

  /**
   * A reason randomization cannot go ahead.
   *
   * @param field the field concerned, for example {@code screeningRecord.egfr} or {@code status}
   * @param message for the investigator
   */
  public record BlockingReason(String field, String message) {}

  /**
   * One derived factor level.
   *
   * @param factor the protocol's factor id, for example {@code therapy}
   * @param name the factor's name, for example {@code first-line systemic therapy}
   * @param level the level code, for example {@code targeted}
   * @param label the level's label, for example {@code targeted (EGFR-TKI)}
   */
  public record FactorLevelView(String factor, String name, String level, String label) {}
}
