package org.oligotrial.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NumbersTest {

  @Test
  void pValuesReadAsAClause() {
    assertThat(Numbers.p(0.0998492560072818)).isEqualTo("p = 0.0998");
    assertThat(Numbers.p(3.21e-7)).isEqualTo("p = 3.210e-07");
    assertThat(Numbers.p(0)).isEqualTo("p < 1e-16");
    assertThat(Numbers.p(Double.NaN)).isEqualTo("p = NA");
  }

  @Test
  void timesPrintAsWrittenAndNotReachedAsNr() {
    assertThat(Numbers.time(12)).isEqualTo("12");
    assertThat(Numbers.time(10.3)).isEqualTo("10.3");
    assertThat(Numbers.time(Double.NaN)).isEqualTo("NR");
    assertThat(Numbers.json(Double.NaN)).isNull();
    assertThat(Numbers.percent(0.9)).isEqualTo("90%");
  }

  @Test
  void fixedAndTimeGiveWhatStringFormatGivesForSeededRandomValues() {
    // the fast paths must print exactly what %.Nf and %.6g (trailing zeros stripped) print
    java.util.Random r = new java.util.Random(20261206);
    for (int k = 0; k < 200_000; k++) {
      double x = switch (k % 4) {
        case 0 -> r.nextDouble();
        case 1 -> (r.nextDouble() - 0.5) * 2e-4;
        case 2 -> Math.round(r.nextDouble() * 1e6) / 100.0;
        default -> Math.round(r.nextDouble() * 1e5) / 1e5 + 0.00005; // near ties at the fourth decimal
      };
      int digits = k % 5;
      assertThat(Numbers.fixed(x, digits))
          .as("%s with %d decimals", x, digits)
          .isEqualTo(String.format(java.util.Locale.ROOT, "%." + digits + "f", x));
      if (x != Math.rint(x)) {
        assertThat(Numbers.time(x)).as("time %s", x).isEqualTo(
            new java.math.BigDecimal(String.format(java.util.Locale.ROOT, "%.6g", x)).stripTrailingZeros()
                .toPlainString());
      }
    }
  }
}
