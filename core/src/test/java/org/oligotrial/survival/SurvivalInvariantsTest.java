package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Invariants over 300 seeded random datasets (ties, time 0, censoring-only groups): what every Kaplan-Meier curve,
 * log-rank test and restricted mean must satisfy whatever the data.
 */
class SurvivalInvariantsTest {

  private static SurvivalData random(Random r) {
    int n = 1 + r.nextInt(80);
    int k = 1 + r.nextInt(3);
    double[] t = new double[n];
    boolean[] e = new boolean[n];
    String[] g = new String[n];
    String[] s = new String[n];
    double p = r.nextDouble();
    for (int i = 0; i < n; i++) {
      t[i] = r.nextBoolean() ? r.nextInt(12) : r.nextDouble() * 12; // many ties, some continuous times
      e[i] = r.nextDouble() < p;
      g[i] = "g" + r.nextInt(k);
      s[i] = "s" + r.nextInt(2);
    }
    return SurvivalData.of(t, e, g, s);
  }

  @Test
  void kaplanMeierCurvesAreConsistent() {
    Random r = new Random(20170403);
    for (int run = 0; run < 300; run++) {
      SurvivalData d = random(r);
      ConfidenceType type = ConfidenceType.values()[run % 3];
      List<KaplanMeierCurve> curves = new KaplanMeier(type, 0.5 + 0.49 * r.nextDouble()).fit(d);
      int total = 0;
      for (KaplanMeierCurve c : curves) {
        total += c.n();
        assertThat(c.nRisk(0)).isEqualTo(c.n());
        double previous = 1;
        int removed = 0;
        for (int i = 0; i < c.size(); i++) {
          // at risk = n minus everyone who had an event or was censored earlier
          assertThat(c.nRisk(i)).isEqualTo(c.n() - removed);
          removed += c.nEvent(i) + c.nCensor(i);
          assertThat(c.nEvent(i) + c.nCensor(i)).isPositive();
          assertThat(c.survival(i)).isBetween(0.0, previous);
          previous = c.survival(i);
          if (i > 0) {
            assertThat(c.time(i)).isGreaterThan(c.time(i - 1));
          }
          if (!Double.isNaN(c.lower(i))) {
            assertThat(c.lower(i)).isBetween(0.0, c.survival(i) + 1e-15);
            assertThat(c.upper(i)).isBetween(c.survival(i) - 1e-15, 1.0);
          }
        }
        assertThat(removed).isEqualTo(c.n());
        MedianSurvival m = c.median();
        if (m.reached()) {
          assertThat(c.survivalAt(m.estimate())).isLessThanOrEqualTo(0.5 + 1e-8);
        }
      }
      assertThat(total).isEqualTo(d.size());
    }
  }

  @Test
  void logRankObservedAndExpectedAgreeInTotalAndChisqIsNonNegative() {
    Random r = new Random(1966);
    int tested = 0;
    for (int run = 0; run < 300; run++) {
      SurvivalData d = random(r);
      if (d.groupCount() < 2) {
        continue;
      }
      LogRankResult lr;
      try {
        lr = LogRankTest.test(d);
      } catch (IllegalArgumentException singular) {
        continue; // no comparable event time; R stops too
      }
      tested++;
      double o = 0;
      double e = 0;
      for (LogRankGroup g : lr.groups()) {
        o += g.observed();
        e += g.expected();
      }
      assertThat(e).isCloseTo(o, org.assertj.core.api.Assertions.within(1e-9 * Math.max(1, o)));
      assertThat(o).isEqualTo(d.eventCount());
      assertThat(lr.chisq()).isGreaterThanOrEqualTo(-1e-12);
      assertThat(lr.p()).isBetween(0.0, 1.0);
      // each row of V sums to zero: O - E sums to zero whatever the data
      for (double[] row : lr.variance()) {
        double sum = 0;
        for (double v : row) {
          sum += v;
        }
        assertThat(Math.abs(sum)).isLessThan(1e-9);
      }
    }
    assertThat(tested).isGreaterThan(100);
  }

  @Test
  void restrictedMeanLiesBetweenZeroAndTauAndGrowsWithTau() {
    Random r = new Random(2013);
    for (int run = 0; run < 300; run++) {
      SurvivalData d = random(r);
      double tau = 0.5 + r.nextDouble() * 14;
      List<RestrictedMean> a = RestrictedMeanSurvival.estimate(d, tau, 0.95);
      List<RestrictedMean> b = RestrictedMeanSurvival.estimate(d, tau + 1, 0.95);
      for (int g = 0; g < a.size(); g++) {
        assertThat(a.get(g).rmst()).isBetween(0.0, tau + 1e-12);
        assertThat(b.get(g).rmst()).isGreaterThanOrEqualTo(a.get(g).rmst() - 1e-12);
        assertThat(a.get(g).se()).isGreaterThanOrEqualTo(0);
      }
    }
  }
}
