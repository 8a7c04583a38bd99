package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.treatment.RandomizationBlockedException;

class ThoracicStageTest {

  /** Every T (rows) by N (columns NX, N0, N1, N2, N3): AJCC 8th edition stage group for M0, collapsed. */
  private static final String[][] TABLE = {
    // T       NX         N0       N1       N2     N3
    {"TX",   "blocked", "blocked", "blocked", "III", "III"},
    {"T0",   "blocked", "I-II",  "I-II",  "III", "III"},
    {"Tis",  "blocked", "I-II",  "I-II",  "III", "III"},
    {"T1mi", "blocked", "I-II",  "I-II",  "III", "III"}, // IA1 / IIB
    {"T1",   "blocked", "I-II",  "I-II",  "III", "III"},
    {"T1a",  "blocked", "I-II",  "I-II",  "III", "III"}, // IA1 / IIB / IIIA / IIIB
    {"T1b",  "blocked", "I-II",  "I-II",  "III", "III"}, // IA2
    {"T1c",  "blocked", "I-II",  "I-II",  "III", "III"}, // IA3
    {"T2",   "blocked", "I-II",  "I-II",  "III", "III"},
    {"T2a",  "blocked", "I-II",  "I-II",  "III", "III"}, // IB / IIB / IIIA / IIIB
    {"T2b",  "blocked", "I-II",  "I-II",  "III", "III"}, // IIA / IIB / IIIA / IIIB
    {"T3",   "blocked", "I-II",  "III",   "III", "III"}, // IIB / IIIA / IIIB / IIIC
    {"T4",   "III",     "III",   "III",   "III", "III"}, // IIIA / IIIA / IIIB / IIIC
  };
  private static final String[] N = {"NX", "N0", "N1", "N2", "N3"};

  @Test
  void everyTAndNCombinationMapsAsTheAjccEighthEditionTableSays() {
    List<String> wrong = new ArrayList<>();
    for (String[] row : TABLE) {
      for (int n = 0; n < N.length; n++) {
        String got;
        try {
          got = ThoracicStage.of(row[0], N[n]).level();
        } catch (RandomizationBlockedException e) {
          got = "blocked";
        }
        if (!got.equals(row[n + 1])) {
          wrong.add(row[0] + N[n] + ": expected " + row[n + 1] + ", got " + got);
        }
      }
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void clinicalAndPathologicalPrefixesAndCaseAreAccepted() {
    assertThat(ThoracicStage.of("cT3", "pN1")).isEqualTo(ThoracicStage.III);
    assertThat(ThoracicStage.of("t2a", "n0")).isEqualTo(ThoracicStage.I_II);
  }

  @Test
  void unknownCategoriesAreRefusedNamingTheValue() {
    assertThatThrownBy(() -> ThoracicStage.of("T5", "N0")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("T category 'T5'");
    assertThatThrownBy(() -> ThoracicStage.of("T1", "N4")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("N category 'N4'");
    assertThatThrownBy(() -> ThoracicStage.of("TX", "N0")).isInstanceOf(RandomizationBlockedException.class)
        .hasMessageContaining("record the T and N categories");
  }
}
