package org.oligotrial.server.randomization;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import org.oligotrial.treatment.TreatmentPlan;

/**
 * A treatment plan as stored with the randomization record and shown to the site, built from the protocol's arm and
 * regimen rules. Plans stored before the protocol file held them carry other properties (a {@code radiotherapy}
 * object, a {@code targeted} flag), which are ignored when read; their {@code summary} still says the plan.
 *
 * @param arm the arm's id, as in the protocol's {@code arms[].id}
 * @param armName the arm's name (null in plans stored before it was recorded)
 * @param interventions the arm's interventions in words (null in plans stored before they were recorded)
 * @param systemicRegimen the regimen's id, for example {@code egfr-tki}; null when the protocol has no regimen rules
 * @param systemicTherapy the regimen in words; null without a regimen
 * @param regimenCategory the regimen's category, for example {@code targeted} or {@code chemotherapy} (the visit
 *     schedule's {@code regimenCategory}); null without a regimen
 * @param reason why this regimen; null without a regimen
 * @param summary the whole plan in one line
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanView(String arm, String armName, List<String> interventions, String systemicRegimen,
    String systemicTherapy, String regimenCategory, String reason, String summary) {

  static PlanView of(TreatmentPlan p) {
    return new PlanView(p.arm(), p.armName(), p.interventions(), p.systemicRegimen().map(r -> r.id()).orElse(null),
        p.systemicRegimen().map(r -> r.name()).orElse(null), p.systemicRegimen().map(r -> r.category()).orElse(null),
        p.reason(), p.summary());
  }
}
