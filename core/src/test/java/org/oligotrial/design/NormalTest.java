package org.oligotrial.design;

import static org.assertj.core.api.Assertions.assertThat;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

/**
 * The normal distribution function against R 4.2.2 Patched (2022-11-10 r83330): {@code pnorm(x)} and {@code pnorm(x,
 * lower.tail = FALSE)} printed with {@code sprintf("%.17g")}, to 1e-14 relative, tails included.
 */
class NormalTest {

  static final double[] X = {-20, -10, -5.7, -1.3, -0.5, 0, 0.3, 0.9, 2.5, 6, 9};
  static final double[] LOWER = {2.7536241186062337e-89, 7.6198530241605269e-24, 5.9903714010635279e-09,
      0.096800484585610344, 0.30853753872598694, 0.5, 0.61791142218895267, 0.81593987465324047, 0.99379033467422384,
      0.9999999990134123, 1};
  static final double[] UPPER = {1, 1, 0.99999999400962858, 0.9031995154143897, 0.69146246127401301, 0.5,
      0.38208857781104733, 0.1840601253467595, 0.0062096653257761349, 9.8658764503769809e-10,
      1.1285884059538408e-19};

  @Test
  void agreesWithRsPnormInBothTails() {
    for (int i = 0; i < X.length; i++) {
      assertThat(Normal.lower(X[i])).as("pnorm(%s)", X[i]).isCloseTo(LOWER[i], Percentage.withPercentage(1e-12));
      assertThat(Normal.upper(X[i])).as("pnorm(%s, lower.tail = FALSE)", X[i])
          .isCloseTo(UPPER[i], Percentage.withPercentage(1e-12));
    }
  }
}
