package org.oligotrial.radiotherapy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** BED and EQD2 against values worked by hand from Fowler 1989; tolerance 1e-9 Gy. */
class LinearQuadraticTest {

  private static final double TOL = 1e-9;

  @Test
  void conventional60GyIn30FractionsIsItsOwnEqd2ForTheTumour() {
    // d = 2 Gy: BED10 = 60 (1 + 2/10) = 72; EQD2_10 = 72 / 1.2 = 60
    // BED3 = 60 (1 + 2/3) = 100; EQD2_3 = 100 / (5/3) = 60
    DoseEquivalents e = LinearQuadratic.equivalents(60, 30);
    assertThat(e.bed10()).isCloseTo(72, within(TOL));
    assertThat(e.eqd2Of10()).isCloseTo(60, within(TOL));
    assertThat(e.bed3()).isCloseTo(100, within(TOL));
    assertThat(e.eqd2Of3()).isCloseTo(60, within(TOL));
  }

  @Test
  void stereotactic50GyIn5Fractions() {
    // d = 10 Gy: BED10 = 50 (1 + 1) = 100; EQD2_10 = 100 / 1.2 = 83.333...
    // BED3 = 50 (1 + 10/3) = 216.666...; EQD2_3 = 216.666... / (5/3) = 130
    DoseEquivalents e = LinearQuadratic.equivalents(50, 5);
    assertThat(e.bed10()).isCloseTo(100, within(TOL));
    assertThat(e.eqd2Of10()).isCloseTo(250.0 / 3, within(TOL));
    assertThat(e.bed3()).isCloseTo(650.0 / 3, within(TOL));
    assertThat(e.eqd2Of3()).isCloseTo(130, within(TOL));
  }

  @Test
  void singleFractionOf20Gy() {
    // BED10 = 20 (1 + 2) = 60; EQD2_10 = 50; BED3 = 20 (1 + 20/3) = 153.333...; EQD2_3 = 92
    DoseEquivalents e = LinearQuadratic.equivalents(20, 1);
    assertThat(e.bed10()).isCloseTo(60, within(TOL));
    assertThat(e.eqd2Of10()).isCloseTo(50, within(TOL));
    assertThat(e.bed3()).isCloseTo(460.0 / 3, within(TOL));
    assertThat(e.eqd2Of3()).isCloseTo(92, within(TOL));
  }

  @Test
  void eqd2OfAnyScheduleIn2GyFractionsEqualsItsPhysicalDose() {
    Random random = new Random(20240101L);
    for (int i = 0; i < 200; i++) {
      int n = 1 + random.nextInt(40);
      double ab = 0.5 + 20 * random.nextDouble();
      FractionationSchedule s = new FractionationSchedule(2.0 * n, n);
      assertThat(LinearQuadratic.eqd2(s, ab)).as("n=%d ab=%f", n, ab).isCloseTo(2.0 * n, within(1e-9));
    }
  }

  @Test
  void rejectsNonPositiveDoseNamingTheField() {
    assertThatThrownBy(() -> LinearQuadratic.equivalents(0, 5)).hasMessageContaining("totalDoseGy");
    assertThatThrownBy(() -> LinearQuadratic.equivalents(-2, 5)).hasMessageContaining("totalDoseGy");
    assertThatThrownBy(() -> LinearQuadratic.equivalents(Double.NaN, 5)).hasMessageContaining("totalDoseGy");
  }

  @Test
  void rejectsZeroFractions() {
    assertThatThrownBy(() -> LinearQuadratic.equivalents(50, 0)).hasMessageContaining("fractions");
  }

  @Test
  void rejectsNonPositiveAlphaBeta() {
    assertThatThrownBy(() -> LinearQuadratic.bed(new FractionationSchedule(50, 5), 0)).hasMessageContaining("alphaBeta");
  }
}
