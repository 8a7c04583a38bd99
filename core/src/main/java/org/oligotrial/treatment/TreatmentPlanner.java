package org.oligotrial.treatment;

import java.util.Objects;

/**
 * Derives the treatment plan from the allocated arm, the EGFR status and the histology, as the protocol prescribes:
 *
 * <ul>
 *   <li>EGFR-sensitising mutation: an EGFR-TKI, gefitinib or erlotinib (whatever the histology);
 *   <li>EGFR wild-type, non-squamous: pemetrexed with cisplatin;
 *   <li>EGFR wild-type, squamous: a taxane with cisplatin;
 *   <li>EGFR unknown: no regimen, so randomization is blocked until the test result is in.
 * </ul>
 *
 * <p>The RT+ arm adds {@link RadiotherapyPlan#PROTOCOL}. A pure function; thread-safe.
 */
public final class TreatmentPlanner {
  private TreatmentPlanner() {}

  /**
   * The systemic regimen for the EGFR status and histology.
   *
   * @throws RandomizationBlockedException when the EGFR status is unknown
   */
  public static SystemicRegimen regimen(EgfrStatus egfr, Histology histology) {
    Objects.requireNonNull(egfr, "EGFR status");
    Objects.requireNonNull(histology, "histology");
    switch (egfr) {
      case MUTANT:
        return SystemicRegimen.EGFR_TKI;
      case WILD_TYPE:
        return histology.isSquamous() ? SystemicRegimen.TAXANE_CISPLATIN : SystemicRegimen.PEMETREXED_CISPLATIN;
      default:
        throw new RandomizationBlockedException(
            "EGFR status is unknown: the systemic regimen (EGFR-TKI or platinum doublet) depends on the gene test, "
                + "so the participant cannot be randomized until the result is recorded");
    }
  }

  /**
   * The plan for a participant allocated to {@code arm}.
   *
   * @throws RandomizationBlockedException when the EGFR status is unknown
   */
  public static TreatmentPlan plan(TrialArm arm, EgfrStatus egfr, Histology histology) {
    Objects.requireNonNull(arm, "arm");
    SystemicRegimen regimen = regimen(egfr, histology);
    String reason = egfr == EgfrStatus.MUTANT
        ? "EGFR-sensitising mutation"
        : "EGFR wild-type, " + (histology.isSquamous() ? "squamous" : "non-squamous") + " histology";
    return new TreatmentPlan(arm, regimen, arm == TrialArm.RT_PLUS ? RadiotherapyPlan.PROTOCOL : null, reason);
  }
}
