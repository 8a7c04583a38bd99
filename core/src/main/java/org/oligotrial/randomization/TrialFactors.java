package org.oligotrial.randomization;

import java.util.List;

/**
 * The five stratification factors of NCT03119519, each with two levels (32 strata), and the trial's arms. The names
 * are also the analysis dataset's column names ({@code org.oligotrial.endpoints}). The protocol file names the same
 * factors {@code histology, therapy, intracranial, metastases, thoracic-stage}, with the same level codes in the same
 * order (checked by a test against the bundled protocol); {@link ProtocolRandomization} keeps the protocol's ids and
 * {@link FactorDerivation#derive(StratificationFacts, RandomizationScheme)} labels derived levels with them.
 */
public final class TrialFactors {
  private TrialFactors() {}

  /** Arm code of the experimental arm: systemic therapy plus local radiotherapy. */
  public static final String RT_PLUS = "RT+";
  /** Arm code of the comparator arm: systemic therapy alone. */
  public static final String RT_MINUS = "RT-";

  public static final StratificationFactor HISTOLOGY = StratificationFactor.of("histology", "squamous", "non-squamous");
  public static final StratificationFactor FIRST_LINE = StratificationFactor.of("first_line", "targeted", "non-targeted");
  public static final StratificationFactor BRAIN_METASTASIS = StratificationFactor.of("brain_metastasis", "yes", "no");
  public static final StratificationFactor METASTASES = StratificationFactor.of("metastases", "1", "2-5");
  public static final StratificationFactor THORACIC_STAGE = StratificationFactor.of("thoracic_stage", "I-II", "III");

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
