package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** RECIST 1.1 Tables 4 and 5, every combination written out as in the guideline. */
class ResponseTablesTest {

  /** Table 4 without new lesions: "target non-target -> overall", all 25 pairs. NN reads as no non-target disease. */
  private static final String TABLE_4_NO_NEW_LESIONS = """
      CR CR CR
      CR non-CR/non-PD PR
      CR NE PR
      CR PD PD
      CR NN CR
      PR CR PR
      PR non-CR/non-PD PR
      PR NE PR
      PR PD PD
      PR NN PR
      SD CR SD
      SD non-CR/non-PD SD
      SD NE SD
      SD PD PD
      SD NN SD
      NE CR NE
      NE non-CR/non-PD NE
      NE NE NE
      NE PD PD
      NE NN NE
      PD CR PD
      PD non-CR/non-PD PD
      PD NE PD
      PD PD PD
      PD NN PD
      """;

  private static final Map<String, OverallResponse> TABLE_5_NO_NEW_LESIONS = Map.of(
      "CR", OverallResponse.CR,
      "non-CR/non-PD", OverallResponse.NON_CR_NON_PD,
      "NE", OverallResponse.NE,
      "PD", OverallResponse.PD);

  @Test
  void table4EveryCombinationWithoutNewLesionsAndWithEquivocalOnes() {
    int rows = 0;
    for (String line : TABLE_4_NO_NEW_LESIONS.strip().split("\n")) {
      String[] f = line.strip().split(" ");
      TargetResponse t = TargetResponse.valueOf(f[0]);
      NonTargetResponse nt = nonTarget(f[1]);
      OverallResponse expected = overall(f[2]);
      assertThat(ResponseTables.withTargets(t, nt, NewLesions.NO)).as(line).isEqualTo(expected);
      // an equivocal new lesion is not progression at this time point
      assertThat(ResponseTables.withTargets(t, nt, NewLesions.EQUIVOCAL)).as(line + " equivocal").isEqualTo(expected);
      rows++;
    }
    assertThat(rows).isEqualTo(TargetResponse.values().length * NonTargetResponse.values().length);
  }

  @Test
  void table4AnyCombinationWithNewLesionsIsProgression() {
    for (TargetResponse t : TargetResponse.values()) {
      for (NonTargetResponse nt : NonTargetResponse.values()) {
        assertThat(ResponseTables.withTargets(t, nt, NewLesions.YES)).isEqualTo(OverallResponse.PD);
      }
    }
  }

  @Test
  void table5EveryCombination() {
    TABLE_5_NO_NEW_LESIONS.forEach((label, expected) -> {
      NonTargetResponse nt = nonTarget(label);
      assertThat(ResponseTables.nonTargetsOnly(nt, NewLesions.NO)).as(label).isEqualTo(expected);
      assertThat(ResponseTables.nonTargetsOnly(nt, NewLesions.EQUIVOCAL)).as(label).isEqualTo(expected);
      assertThat(ResponseTables.nonTargetsOnly(nt, NewLesions.YES)).as(label).isEqualTo(OverallResponse.PD);
    });
  }

  @Test
  void table5WithoutAnyLesionIsAProgrammingError() {
    assertThatThrownBy(() -> ResponseTables.nonTargetsOnly(NonTargetResponse.NN, NewLesions.NO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static NonTargetResponse nonTarget(String label) {
    for (NonTargetResponse r : NonTargetResponse.values()) {
      if (r.label().equals(label)) {
        return r;
      }
    }
    throw new AssertionError(label);
  }

  private static OverallResponse overall(String label) {
    for (OverallResponse r : OverallResponse.values()) {
      if (r.label().equals(label)) {
        return r;
      }
    }
    throw new AssertionError(label);
  }
}
