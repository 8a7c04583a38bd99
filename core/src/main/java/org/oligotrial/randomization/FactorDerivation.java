package org.oligotrial.randomization;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oligotrial.treatment.RandomizationBlockedException;
import org.oligotrial.treatment.TreatmentPlanner;

/**
 * Derives the five NCT03119519 stratification levels ({@link TrialFactors}) from the raw facts:
 *
 * <ol>
 *   <li>histology: squamous, or non-squamous (adenocarcinoma and other non-squamous histologies);
 *   <li>first-line therapy: targeted when the regimen is an EGFR-TKI (EGFR-sensitising mutation), non-targeted for a
 *       platinum doublet (EGFR wild-type); blocked while the EGFR status is unknown;
 *   <li>intracranial metastasis: yes or no;
 *   <li>number of metastases: 1, or 2-5; blocked outside 1 to 5 (the trial's eligibility range);
 *   <li>thoracic stage: I/II or III from T and N, see {@link ThoracicStage}.
 * </ol>
 *
 * <p>A pure function; thread-safe.
 */
public final class FactorDerivation {
  private FactorDerivation() {}

  /**
   * The participant's levels on the trial's five factors.
   *
   * @throws RandomizationBlockedException when the EGFR status is unknown, the lesion count is outside 1 to 5, or the
   *     thoracic stage cannot be told from T and N
   * @throws IllegalArgumentException when a T or N category is not a valid AJCC 8th edition category
   */
  public static ParticipantFactors derive(StratificationFacts facts) {
    Map<String, String> levels = new LinkedHashMap<>();
    levels.put(TrialFactors.HISTOLOGY.name(), facts.histology().isSquamous() ? "squamous" : "non-squamous");
    boolean targeted = TreatmentPlanner.regimen(facts.egfr(), facts.histology()).targeted();
    levels.put(TrialFactors.FIRST_LINE.name(), targeted ? "targeted" : "non-targeted");
    levels.put(TrialFactors.BRAIN_METASTASIS.name(), facts.brainMetastasis() ? "yes" : "no");
    int lesions = facts.metastaticLesions();
    if (lesions < 1 || lesions > 5) {
      throw new RandomizationBlockedException(
          "number of metastatic lesions is " + lesions + ": the trial randomizes 1 to 5 synchronous metastases");
    }
    levels.put(TrialFactors.METASTASES.name(), lesions == 1 ? "1" : "2-5");
    levels.put(TrialFactors.THORACIC_STAGE.name(), ThoracicStage.of(facts.tCategory(), facts.nCategory()).level());
    return new ParticipantFactors(levels);
  }

  /**
   * The participant's levels labelled with the factor names of {@code scheme} (for example the protocol file's ids),
   * whose five factors must have the levels of {@link TrialFactors#ALL}, in the same order.
   *
   * @throws IllegalArgumentException when the scheme's factors do not correspond to the trial's five factors
   * @throws RandomizationBlockedException as {@link #derive(StratificationFacts)}
   */
  public static ParticipantFactors derive(StratificationFacts facts, RandomizationScheme scheme) {
    if (scheme.factors().size() != TrialFactors.ALL.size()) {
      throw new IllegalArgumentException("the scheme has " + scheme.factors().size() + " factors, the trial has five");
    }
    for (int f = 0; f < TrialFactors.ALL.size(); f++) {
      if (!scheme.factors().get(f).levels().equals(TrialFactors.ALL.get(f).levels())) {
        throw new IllegalArgumentException("factor " + scheme.factors().get(f).name() + " has levels "
            + scheme.factors().get(f).levels() + ", expected " + TrialFactors.ALL.get(f).levels());
      }
    }
    ParticipantFactors derived = derive(facts);
    Map<String, String> levels = new LinkedHashMap<>();
    for (int f = 0; f < TrialFactors.ALL.size(); f++) {
      levels.put(scheme.factors().get(f).name(), derived.levels().get(TrialFactors.ALL.get(f).name()));
    }
    return new ParticipantFactors(levels);
  }
}
