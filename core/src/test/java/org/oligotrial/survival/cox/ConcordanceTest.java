package org.oligotrial.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ConcordanceTest {

  @Test
  void countsPairsAsSurvivalDoesWithTiedTimes() {
    // time 1,1,1,2,2,3; status 1,1,0,1,0,0; score 1,2,3,2,2,0 (higher = worse)
    // event A(t1,x1): vs C(t1 cens,x3) disc, D(2) disc, E(2) disc, F(0) conc
    // event B(t1,x2): vs C disc, D tied, E tied, F conc;  event D(t2,x2): vs E(t2 cens) tied, F conc
    // A,B: events at the same time -> tiedY.  Total 3 conc, 4 disc, 3 tiedX, 1 tiedY.
    // R 4.2.2, survival 3.5-3: concordance(coxph(Surv(time, status) ~ x, d))$count = 3 4 3 1 0
    Concordance c = Concordance.of(new double[] {1, 1, 1, 2, 2, 3},
        new boolean[] {true, true, false, true, false, false}, null, new double[] {1, 2, 3, 2, 2, 0});
    assertThat(c).isEqualTo(new Concordance(3, 4, 3, 1, 0, (3 + 1.5) / 10));
  }

  @Test
  void agreesWithCountingEveryPair() {
    Random random = new Random(20261127);
    for (int trial = 0; trial < 200; trial++) {
      int n = 1 + random.nextInt(40);
      double[] time = new double[n];
      boolean[] event = new boolean[n];
      double[] score = new double[n];
      int[] stratum = new int[n];
      for (int i = 0; i < n; i++) {
        time[i] = random.nextInt(8);
        event[i] = random.nextBoolean();
        score[i] = random.nextInt(5);
        stratum[i] = random.nextInt(3);
      }
      boolean strata = random.nextBoolean();
      assertThat(Concordance.of(time, event, strata ? stratum : null, score))
          .isEqualTo(bruteForce(time, event, strata ? stratum : null, score));
    }
  }

  private static Concordance bruteForce(double[] time, boolean[] event, int[] stratum, double[] score) {
    long conc = 0;
    long disc = 0;
    long tx = 0;
    long ty = 0;
    long txy = 0;
    int n = time.length;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j || !event[i] || (stratum != null && stratum[i] != stratum[j])) {
          continue;
        }
        if (event[j] && time[j] == time[i]) {
          if (i < j) {
            if (score[i] == score[j]) {
              txy++;
            } else {
              ty++;
            }
          }
        } else if (time[j] > time[i] || (time[j] == time[i] && !event[j])) {
          if (score[i] > score[j]) {
            conc++;
          } else if (score[i] < score[j]) {
            disc++;
          } else {
            tx++;
          }
        }
      }
    }
    double d = conc + disc + tx;
    return new Concordance(conc, disc, tx, ty, txy, d == 0 ? Double.NaN : (conc + tx / 2.0) / d);
  }
}
