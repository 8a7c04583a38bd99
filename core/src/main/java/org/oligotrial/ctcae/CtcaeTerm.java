package org.oligotrial.ctcae;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One CTCAE v5.0 term.
 *
 * @param term the term as the NCI spells it, e.g. {@code Platelet count decreased}
 * @param meddraCode its MedDRA v20.1 lowest-level-term code, e.g. {@code 10035528}
 * @param soc its MedDRA system organ class, e.g. {@code Investigations}
 * @param grades the grades that exist for the term (1 to 5, ascending) with their definitions; a grade the NCI table
 *     marks {@code -} is absent (Nausea has grades 1 to 3, Death NOS only grade 5)
 * @param definition the NCI definition of the term, or null
 * @param navigationalNote the NCI navigational note (where else to look), or null
 */
public record CtcaeTerm(String term, String meddraCode, String soc, Map<Integer, String> grades, String definition,
    String navigationalNote) {
  /** The ending of the one "Other, specify" term of each system organ class. */
  public static final String OTHER_SPECIFY = " - Other, specify";

  public CtcaeTerm {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(meddraCode, "meddraCode");
    Objects.requireNonNull(soc, "soc");
    grades = Collections.unmodifiableMap(new TreeMap<>(grades));
  }

  /** Whether the term is its class's "Other, specify" term, whose event is named in words. */
  public boolean otherSpecify() {
    return term.endsWith(OTHER_SPECIFY);
  }

  /** Whether grade {@code g} exists for this term. */
  public boolean hasGrade(int g) {
    return grades.containsKey(g);
  }

  /** The grades that exist, ascending, e.g. {@code [1, 2, 3]} for Nausea. */
  public List<Integer> gradeNumbers() {
    return List.copyOf(grades.keySet());
  }
}
