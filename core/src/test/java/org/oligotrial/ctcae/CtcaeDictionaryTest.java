package org.oligotrial.ctcae;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The dictionary against the NCI's CTCAE v5.0 (27 November 2017): the counts and the grade texts below are quoted
 * from the source file {@code ctcae-v5.0.json} (the NCI's Excel table, MedDRA v20.1 codes).
 */
class CtcaeDictionaryTest {
  private final Ctcae d = Ctcae.v5();

  @Test
  void holdsThe837TermsOf26SystemOrganClasses() {
    assertThat(d.terms()).hasSize(837);
    assertThat(d.bySoc()).hasSize(26);
    assertThat(d.bySoc().get("Gastrointestinal disorders")).hasSize(122);
    assertThat(d.source()).startsWith("Common Terminology Criteria for Adverse Events (CTCAE) v5.0, National Cancer"
        + " Institute, 27 November 2017 (public domain)");
  }

  @Test
  void looksUpByTermIgnoringCaseAccentsAndSpacingAndByMeddraCode() {
    CtcaeTerm p = d.term("  platelet COUNT   decreased ").orElseThrow();
    assertThat(p.meddraCode()).isEqualTo("10035528");
    assertThat(p.soc()).isEqualTo("Investigations");
    assertThat(d.code("10035528")).containsSame(p);
    assertThat(d.term("Ánemia")).map(CtcaeTerm::meddraCode).contains("10002272");
    assertThat(d.term("Pneumonitis grade 2")).isEmpty();
    assertThat(d.code("99999999")).isEmpty();
  }

  @Test
  void gradesMarkedDashInTheSourceDoNotExist() {
    // Nausea: grades 4 and 5 are "-" in CTCAE v5.0
    CtcaeTerm nausea = d.term("Nausea").orElseThrow();
    assertThat(nausea.gradeNumbers()).containsExactly(1, 2, 3);
    assertThat(nausea.grades().get(3)).isEqualTo(
        "Inadequate oral caloric or fluid intake; tube feeding, TPN, or hospitalization indicated");
    assertThat(nausea.hasGrade(5)).isFalse();
    // Platelet count decreased: grade 5 is "-"
    assertThat(d.term("Platelet count decreased").orElseThrow().grades()).containsEntry(4,
        "<25,000/mm3; <25.0 x 10e9 /L").doesNotContainKey(5);
    // Death NOS: only grade 5 "Death"
    assertThat(d.term("Death NOS").orElseThrow().grades()).containsExactly(java.util.Map.entry(5, "Death"));
    // Eosinophilia: grades 1 and 3 only (">ULN and >Baseline", "Steroids initiated")
    assertThat(d.term("Eosinophilia").orElseThrow().gradeNumbers()).containsExactly(1, 3);
    // Pneumonitis: all five
    assertThat(d.term("Pneumonitis").orElseThrow().grades().get(3))
        .isEqualTo("Severe symptoms; limiting self care ADL; oxygen indicated");
  }

  @Test
  void everySystemOrganClassHasOneOtherSpecifyTerm() {
    for (String soc : d.bySoc().keySet()) {
      assertThat(d.otherSpecify(soc)).as(soc).hasValueSatisfying(t -> assertThat(t.otherSpecify()).isTrue());
    }
    assertThat(d.terms().stream().filter(CtcaeTerm::otherSpecify)).hasSize(26);
    // the source spells this one in the singular
    assertThat(d.otherSpecify("Musculoskeletal and connective tissue disorders")).map(CtcaeTerm::term)
        .contains("Musculoskeletal and connective tissue disorder - Other, specify");
    assertThat(d.otherSpecify("Cardiac disorders")).map(CtcaeTerm::meddraCode).contains("10007541");
  }

  @Test
  void everyTermHasAtLeastOneGrade() {
    assertThat(d.terms()).allSatisfy(t -> assertThat(t.grades()).isNotEmpty());
  }

  @Test
  void loadsOnceUnderConcurrentFirstUse() {
    Set<Ctcae> seen = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 16).parallel().forEach(i -> seen.add(Ctcae.v5()));
    assertThat(seen).hasSize(1);
  }
}
