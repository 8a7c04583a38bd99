package org.oligotrial.survival.cox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The upper-tail p-value of a chi-square statistic, including the statistics a degenerate fit produces. */
class ChiSquareTestTest {

  @Test
  void upperTailAgreesWithTheClosedForms() {
    // df 1: erfc(sqrt(x/2)); df 3: erfc(sqrt(x/2)) + sqrt(2x/pi) exp(-x/2) (Python 3.11 math.erfc):
    // x = 3.84 -> 0.05004352124870509; x = 30.5 -> 1.0831686754579124e-06
    assertThat(ChiSquareTest.upperTail(3.84, 1)).isCloseTo(0.05004352124870509, within(1e-15));
    assertThat(ChiSquareTest.upperTail(30.5, 3)).isCloseTo(1.0831686754579124e-06, within(1e-18));
  }

  @Test
  void anInfiniteStatisticHasPZeroAndNoneIsNotANumber() {
    // the continued fraction of the incomplete gamma function diverges at infinity: a fit whose linear predictor
    // overflowed (a covariate of 1e200) gave an infinite Wald z
    assertThat(ChiSquareTest.of(Double.POSITIVE_INFINITY, 1).p()).isZero();
    assertThat(ChiSquareTest.of(0, 1).p()).isEqualTo(1);
    assertThat(ChiSquareTest.of(Double.NaN, 1).p()).isNaN();
  }
}
