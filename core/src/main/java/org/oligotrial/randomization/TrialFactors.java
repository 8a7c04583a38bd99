package org.oligotrial.randomization;

import java.util.List;

/**
 * The five stratification factors of NCT03119519, each with two levels (32 strata), and the trial's arms, with the
 * factor ids and level codes of {@code protocols/nct03119519.yaml} (checked by a test against the bundled protocol).
 */
public final class TrialFactors {
  private TrialFactors() {}

  /** Arm code of the experimental arm: systemic therapy plus local radiotherapy. */
  public static final String RT_PLUS = "RT+";
  /** Arm code of the comparator arm: systemic therapy alone. */
  public static final String RT_MINUS = "RT-";

  public static final StratificationFactor HISTOLOGY = StratificationFactor.of("histology", "squamous", "non-squamous");
  public static final StratificationFactor FIRST_LINE = StratificationFactor.of("therapy", "targeted", "non-targeted");
  public static final StratificationFactor BRAIN_METASTASIS = StratificationFactor.of("intracranial", "yes", "no");
  public static final StratificationFactor METASTASES = StratificationFactor.of("metastases", "1", "2-5");
  public static final StratificationFactor THORACIC_STAGE = StratificationFactor.of("thoracic-stage", "I-II", "III");

  /** The five factors in protocol order. */
  public static final List<StratificationFactor> ALL =
      List.of(HISTOLOGY, FIRST_LINE, BRAIN_METASTASIS, METASTASES, THORACIC_STAGE);

  /** RT+ : RT- = 1 : 1, the trial's ratio. */
  public static AllocationRatio ratio() {
    return AllocationRatio.equal(RT_PLUS, RT_MINUS);
  }

  /** The trial's factors and 1:1 ratio with the given method. */
  public static RandomizationScheme scheme(MethodParameters method) {
    return new RandomizationScheme(ALL, ratio(), method);
  }
}
