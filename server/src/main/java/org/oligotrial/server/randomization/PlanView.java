package org.oligotrial.server.randomization;

import java.util.List;
import org.oligotrial.treatment.TreatmentPlan;

/**
 * A treatment plan as stored with the randomization record and shown to the site.
 *
 * @param arm the arm code, {@code RT+} or {@code RT-}
 * @param systemicRegimen the regimen's code, for example {@code EGFR_TKI}
 * @param systemicTherapy the regimen in words
 * @param targeted whether the regimen is targeted therapy
 * @param radiotherapy the local radiotherapy on RT+, null on RT-
 * @param reason why this regimen
 * @param summary the whole plan in one line
 */
public record PlanView(String arm, String systemicRegimen, String systemicTherapy, boolean targeted,
    Radiotherapy radiotherapy, String reason, String summary) {

  /**
   * The local radiotherapy.
   *
   * @param techniques allowed techniques
   * @param targets what is irradiated
   * @param timing when
   */
  public record Radiotherapy(List<String> techniques, List<String> targets, String timing) {}

  static PlanView of(TreatmentPlan p) {
    Radiotherapy rt = p.radiotherapyPlan()
        .map(r -> new Radiotherapy(r.techniques(), r.targets(), r.timing())).orElse(null);
    return new PlanView(p.arm().code(), p.systemic().name(), p.systemic().description(), p.systemic().targeted(), rt,
        p.reason(), p.summary());
  }
}
