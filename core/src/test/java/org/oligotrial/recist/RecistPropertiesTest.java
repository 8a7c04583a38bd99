package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded random histories checked against an independent re-statement of the target rules in whole tenths of a
 * millimetre (integers, so the thresholds are exact there too): 10 S <= 7 S0 for PR, S - N >= 50 and
 * 5 (S - N) >= N for PD, nadir over prior complete assessments; overall PD when a lesion is measured again right
 * after an overall CR.
 */
class RecistPropertiesTest {

  private static final LocalDate BASE = LocalDate.of(2024, 1, 1);

  @Test
  void targetResponseSumAndNadirAgreeWithAnIntegerOracle() {
    Random random = new Random(119519L);
    for (int trial = 0; trial < 2000; trial++) {
      int n = 1 + random.nextInt(5);
      boolean[] node = new boolean[n];
      int[] base = new int[n];
      List<TargetLesion> targets = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        node[i] = random.nextBoolean();
        base[i] = node[i] ? 150 + random.nextInt(300) : 100 + random.nextInt(600);
        targets.add(new TargetLesion("T" + i, "organ" + i / 2, node[i], tenths(base[i])));
      }
      int s0 = 0;
      for (int b : base) {
        s0 += b;
      }
      int nadir = s0;
      List<Assessment> assessments = new ArrayList<>();
      List<String> expected = new ArrayList<>();
      List<String> expectedOverall = new ArrayList<>();
      List<Integer> expectedSums = new ArrayList<>();
      List<Integer> expectedNadirs = new ArrayList<>();
      int m = 1 + random.nextInt(6);
      for (int k = 0; k < m; k++) {
        Map<String, BigDecimal> measures = new LinkedHashMap<>();
        int sum = 0;
        boolean complete = true;
        boolean gone = true;
        boolean seen = false;
        for (int i = 0; i < n; i++) {
          if (random.nextInt(10) == 0) {
            measures.put("T" + i, null);
            complete = false;
            continue;
          }
          int v = random.nextInt(4) == 0 ? (node[i] ? random.nextInt(100) : 0) : random.nextInt(2 * base[i]);
          measures.put("T" + i, tenths(v));
          sum += v;
          gone &= node[i] ? v < 100 : v == 0;
          seen |= node[i] ? v >= 100 : v > 0;
        }
        String r;
        if (sum - nadir >= 50 && 5 * (sum - nadir) >= nadir) {
          r = "PD";
        } else if (!complete) {
          r = "NE";
        } else if (gone) {
          r = "CR";
        } else if (10 * sum <= 7 * s0) {
          r = "PR";
        } else {
          r = "SD";
        }
        expected.add(r);
        // no non-targets and no new lesions: the overall response is the target response, but for a lesion seen
        // again right after an overall CR
        boolean afterCr = k > 0 && expectedOverall.get(k - 1).equals("CR") && seen;
        expectedOverall.add(afterCr ? "PD" : r);
        expectedSums.add(sum);
        expectedNadirs.add(nadir);
        if (complete) {
          nadir = Math.min(nadir, sum);
        }
        // shuffle the map order: the result must not depend on it
        List<Map.Entry<String, BigDecimal>> entries = new ArrayList<>(measures.entrySet());
        Collections.shuffle(entries, random);
        Map<String, BigDecimal> shuffled = new LinkedHashMap<>();
        entries.forEach(e -> shuffled.put(e.getKey(), e.getValue()));
        assessments.add(new Assessment(BASE.plusDays(42L * (k + 1)), shuffled, Map.of(), NewLesions.NO));
      }
      RecistEvaluation e = new RecistEvaluator().evaluate(new Baseline(BASE, targets, List.of()), assessments);
      for (int k = 0; k < m; k++) {
        AssessmentResult a = e.assessments().get(k);
        assertThat(a.target().label()).as("trial %d assessment %d", trial, k).isEqualTo(expected.get(k));
        assertThat(a.overall().label()).as("trial %d assessment %d", trial, k).isEqualTo(expectedOverall.get(k));
        assertThat(a.sum()).isEqualByComparingTo(tenths(expectedSums.get(k)));
        assertThat(a.nadir()).isEqualByComparingTo(tenths(expectedNadirs.get(k)));
      }
      // the progression date, if any, is the date of the first overall PD (no new lesions here)
      LocalDate firstPd = null;
      for (int k = 0; k < m && firstPd == null; k++) {
        if (expectedOverall.get(k).equals("PD")) {
          firstPd = BASE.plusDays(42L * (k + 1));
        }
      }
      assertThat(e.progressionDate()).isEqualTo(firstPd);
    }
  }

  private static BigDecimal tenths(int v) {
    return BigDecimal.valueOf(v, 1);
  }
}
