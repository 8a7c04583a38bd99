package org.oligotrial.randomization;

import java.util.Objects;
import org.oligotrial.treatment.EgfrStatus;
import org.oligotrial.treatment.Histology;

/**
 * The raw facts the stratification factors are derived from, independent of how screening stores them.
 *
 * @param histology the tumour's histology
 * @param egfr the EGFR gene test result (decides targeted versus non-targeted first-line therapy)
 * @param brainMetastasis whether intracranial metastasis is present
 * @param metastaticLesions the number of distant metastatic lesions (each focus counts)
 * @param tCategory the primary tumour's AJCC 8th edition T category, for example {@code T2a}
 * @param nCategory the regional lymph nodes' N category, for example {@code N2}
 */
public record StratificationFacts(
    Histology histology, EgfrStatus egfr, boolean brainMetastasis, int metastaticLesions, String tCategory,
    String nCategory) {
  public StratificationFacts {
    Objects.requireNonNull(histology, "histology");
    Objects.requireNonNull(egfr, "EGFR status");
    Objects.requireNonNull(tCategory, "T category");
    Objects.requireNonNull(nCategory, "N category");
  }
}
