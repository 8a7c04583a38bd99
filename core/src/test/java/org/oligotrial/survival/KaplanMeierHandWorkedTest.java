package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Small examples worked by hand; the working is in each test. Tolerance 1e-12 absolute. */
class KaplanMeierHandWorkedTest {

  private static final double EPS = 1e-12;

  private static KaplanMeierCurve fit(ConfidenceType type, double[] t, boolean... e) {
    List<KaplanMeierCurve> c = new KaplanMeier(type, 0.95).fit(SurvivalData.of(t, e));
    assertThat(c).hasSize(1);
    return c.get(0);
  }

  @Test
  void censoredAtAnEventTimeAreStillAtRisk() {
    // times 1, 2, 2+, 3, 4+   (+ = censored)
    // t=1: n=5 d=1  S = 4/5 = 0.8            greenwood = 1/(5*4) = 0.05
    // t=2: n=4 d=1 c=1  S = 0.8 * 3/4 = 0.6   greenwood += 1/(4*3)  -> 0.1333...
    // t=3: n=2 d=1  S = 0.6 * 1/2 = 0.3       greenwood += 1/(2*1)  -> 0.6333...
    // t=4: n=1 c=1  S stays 0.3
    KaplanMeierCurve c = fit(ConfidenceType.LOG, new double[] {1, 2, 2, 3, 4}, true, true, false, true, false);
    assertThat(c.time()).containsExactly(1, 2, 3, 4);
    assertThat(c.nRisk()).containsExactly(5, 4, 2, 1);
    assertThat(c.nEvent()).containsExactly(1, 1, 1, 0);
    assertThat(c.nCensor()).containsExactly(0, 1, 0, 1);
    assertThat(c.survival()).containsExactly(new double[] {0.8, 0.6, 0.3, 0.3}, within(EPS));
    assertThat(c.greenwoodSe(1)).isCloseTo(Math.sqrt(0.05 + 1.0 / 12), within(EPS));
    // the standard error of S itself: 0.6 * sqrt(0.13333) = 0.219089 (R: summary(fit)$std.err)
    assertThat(c.stdErr(1)).isCloseTo(0.6 * Math.sqrt(0.05 + 1.0 / 12), within(EPS));
    // log interval at t=2: exp(log 0.6 +- 1.959964 * 0.365148), upper truncated at 1
    double z = 1.959963984540054;
    assertThat(c.lower(1)).isCloseTo(Math.exp(Math.log(0.6) - z * Math.sqrt(0.05 + 1.0 / 12)), within(1e-9));
    assertThat(c.upper(1)).isEqualTo(1.0);
    // median: first time with S <= 0.5 is t=3
    assertThat(c.median().estimate()).isEqualTo(3);
    assertThat(c.events()).isEqualTo(3);
  }

  @Test
  void allCensoredLeavesSurvivalAtOneAndTheMedianNotReached() {
    // no events: S = 1, greenwood = 0; log limits exp(log 1 +- 0) = 1; log-log undefined at S = 1 (NA in R)
    KaplanMeierCurve log = fit(ConfidenceType.LOG, new double[] {2, 5}, false, false);
    assertThat(log.survival()).containsExactly(1, 1);
    assertThat(log.greenwoodSe()).containsExactly(0, 0);
    assertThat(log.lower()).containsExactly(1, 1);
    assertThat(log.upper()).containsExactly(1, 1);
    assertThat(log.median().reached()).isFalse();
    assertThat(log.median().lower()).isNaN();
    KaplanMeierCurve loglog = fit(ConfidenceType.LOG_LOG, new double[] {2, 5}, false, false);
    assertThat(loglog.lower(0)).isNaN();
    assertThat(loglog.upper(0)).isNaN();
  }

  @Test
  void survivalReachingZeroHasUndefinedLimitsAndAFlatHalfGivesTheMidpointMedian() {
    // times 1, 2: t=1 n=2 d=1 S=0.5; t=2 n=1 d=1 S=0, greenwood term 1/(1*0) = infinity
    KaplanMeierCurve c = fit(ConfidenceType.LOG, new double[] {1, 2}, true, true);
    assertThat(c.survival()).containsExactly(0.5, 0);
    assertThat(c.greenwoodSe(1)).isInfinite();
    assertThat(c.stdErr(1)).isNaN(); // 0 * infinity, R's summary gives NaN
    assertThat(c.lower(1)).isNaN(); // log(0): NA in R
    assertThat(c.upper(1)).isNaN();
    assertThat(fit(ConfidenceType.PLAIN, new double[] {1, 2}, true, true).lower(1)).isNaN();
    // S = 0.5 exactly on [1, 2) and lower afterwards: the median is the midpoint (1 + 2) / 2
    assertThat(c.median().estimate()).isEqualTo(1.5);
  }

  @Test
  void eventAtTimeZeroIsCounted() {
    // times 0, 5+: t=0 n=2 d=1 S=0.5, never lower afterwards -> median is the first time S <= 0.5, i.e. 0
    KaplanMeierCurve c = fit(ConfidenceType.LOG, new double[] {0, 5}, true, false);
    assertThat(c.time()).containsExactly(0, 5);
    assertThat(c.survival()).containsExactly(0.5, 0.5);
    assertThat(c.median().estimate()).isZero();
    assertThat(c.survivalAt(-1)).isEqualTo(1);
    assertThat(c.survivalAt(0)).isEqualTo(0.5);
  }

  @Test
  void medianNotReachedWhenSurvivalStaysAboveOneHalf() {
    // times 1, 2+, 3+, 4+: S = 3/4 after t=1 and stays
    KaplanMeierCurve c = fit(ConfidenceType.LOG, new double[] {1, 2, 3, 4}, true, false, false, false);
    assertThat(c.survival(3)).isEqualTo(0.75);
    assertThat(c.median().reached()).isFalse();
  }

  @Test
  void oneCurvePerGroupInLevelOrder() {
    SurvivalData d = SurvivalData.of(new double[] {1, 2, 3, 4}, new boolean[] {true, true, true, false},
        new String[] {"RT-", "RT+", "RT-", "RT+"});
    List<KaplanMeierCurve> c = new KaplanMeier().fit(d);
    assertThat(c).extracting(KaplanMeierCurve::group).containsExactly("RT+", "RT-");
    assertThat(c.get(0).time()).containsExactly(2, 4);
    assertThat(c.get(1).n()).isEqualTo(2);
  }

  @Test
  void rejectsAConfidenceLevelOutsideZeroOne() {
    assertThatThrownBy(() -> new KaplanMeier(ConfidenceType.LOG, 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConfidenceType.parse("logit")).isInstanceOf(IllegalArgumentException.class);
    assertThat(ConfidenceType.parse("log-log")).isEqualTo(ConfidenceType.LOG_LOG);
  }

  @Test
  void nearlyEqualTimesAreOneTimeAsInR() {
    // 0.1 + 0.2 = 0.30000000000000004 and 0.3 differ by 5.6e-17 < sqrt(2^-52): R's aeqSurv makes them one time
    KaplanMeierCurve c = fit(ConfidenceType.LOG, new double[] {0.1 + 0.2, 0.3, 1}, true, true, false);
    assertThat(c.time()).containsExactly(0.3, 1);
    assertThat(c.nEvent(0)).isEqualTo(2);
    assertThat(AlmostEqualTimes.apply(new double[] {1, 2, 3})).containsExactly(1, 2, 3);
  }
}
