package org.oligotrial.ctcae;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The type-ahead ranking: term prefix, then word prefix, then synonym, then system organ class. */
class TermSearchTest {
  private final Ctcae d = Ctcae.v5();

  private List<String> terms(String q, int limit) {
    return d.search(q, limit).stream().map(m -> m.term().term()).toList();
  }

  @Test
  void rashFindsTheRashTermsFirstThenTheWordMatch() {
    // "Rash acneiform", "Rash pustular", "Rash maculo-papular" begin with "rash" (shorter first);
    // "Papulopustular rash" has it as a word
    assertThat(terms("rash", 10)).containsExactly("Rash pustular", "Rash acneiform", "Rash maculo-papular",
        "Papulopustular rash");
    assertThat(d.search("rash", 10).get(3).rank()).isEqualTo(TermSearch.Rank.TERM_WORD_PREFIX);
  }

  @Test
  void lowPlateletsFindsPlateletCountDecreasedThroughTheSynonymTable() {
    List<TermSearch.Match> m = d.search("low platelets", 5);
    assertThat(m.get(0).term().term()).isEqualTo("Platelet count decreased");
    assertThat(m.get(0).rank()).isEqualTo(TermSearch.Rank.SYNONYM);
    assertThat(m.get(0).via()).isEqualTo("low platelets");
    assertThat(terms("low plat", 1)).containsExactly("Platelet count decreased");
  }

  @Test
  void sicknessFindsNauseaAndVomitingAfterTheTermWithTheWord() {
    // "Serum sickness" has the word itself (rank 2); the synonym line gives Nausea then Vomiting (rank 3)
    assertThat(terms("sickness", 5)).containsExactly("Serum sickness", "Nausea", "Vomiting");
  }

  @Test
  void ignoresCaseAccentsAndBritishSpelling() {
    assertThat(terms("NAUSÉA", 1)).containsExactly("Nausea");
    assertThat(terms("oesophagitis", 1)).containsExactly("Esophagitis");
    assertThat(terms("anaemia", 1)).containsExactly("Anemia");
    assertThat(terms("diarrhoea", 1)).containsExactly("Diarrhea");
  }

  @Test
  void aMeddraCodePrefixFindsItsTerm() {
    assertThat(terms("10028813", 5)).containsExactly("Nausea");
  }

  @Test
  void theSystemOrganClassFindsItsTermsLast() {
    List<TermSearch.Match> m = d.search("cardiac", 100);
    // terms with the word come before the class's other terms
    assertThat(m.get(0).rank()).isEqualTo(TermSearch.Rank.TERM_PREFIX);
    assertThat(m.stream().filter(x -> x.rank() == TermSearch.Rank.SOC))
        .extracting(x -> x.term().soc()).containsOnly("Cardiac disorders");
    assertThat(m.stream().map(x -> x.term().term())).contains("Atrial fibrillation");
  }

  @Test
  void blankQueriesFindNothingAndTheLimitHolds() {
    assertThat(d.search("  ", 10)).isEmpty();
    assertThat(d.search(null, 10)).isEmpty();
    assertThat(d.search("-", 10)).isEmpty();
    assertThat(d.search("a", 7)).hasSize(7);
  }

  @Test
  void everySynonymLineNamesDictionaryTerms() {
    // loading the table checks each term; a search through one line of every section proves it is used
    assertThat(terms("hair loss", 1)).containsExactly("Alopecia");
    assertThat(terms("shortness of breath", 1)).containsExactly("Dyspnea");
    assertThat(terms("radiation pneumonitis", 1)).containsExactly("Pneumonitis");
  }
}
