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
}
