package org.oligotrial.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every unit the table accepts, converted to the canonical unit. Factors from the sources named in {@link LabUnits}:
 * SI definitions (10^9/L = 10^3/uL, 1 uL = 1 mm3), Hb monomer 16.114 kg/mol, bilirubin 584.66 g/mol, creatinine
 * 113.12 g/mol, 1 ukat/L = 60 U/L.
 */
class LabUnitsTest {

  private static BigDecimal canonical(String analyte, String value, String unit) {
    return LabUnits.toCanonical(analyte, new BigDecimal(value), unit).canonicalValue();
  }

  @Test
  void cellCountsInEveryAcceptedUnit() {
    for (String analyte : new String[] {"WBC", "NEU", "PLT"}) {
      assertThat(canonical(analyte, "4.0", "10^9/L")).isEqualByComparingTo("4.0");
      assertThat(canonical(analyte, "4.0", "10*9/L")).isEqualByComparingTo("4.0");
      assertThat(canonical(analyte, "4.0", "G/L")).isEqualByComparingTo("4.0");
      assertThat(canonical(analyte, "4.0", "10^3/uL")).isEqualByComparingTo("4.0");
      assertThat(canonical(analyte, "4000", "/uL")).isEqualByComparingTo("4.0");
      assertThat(canonical(analyte, "4000", "/mm3")).isEqualByComparingTo("4.0");
      assertThat(LabUnits.canonicalUnit(analyte)).isEqualTo("10^9/L");
    }
  }

  @Test
  void haemoglobinInGramsPerLitreAndMmolPerLitre() {
    assertThat(canonical("HGB", "90", "g/L")).isEqualByComparingTo("9");
    assertThat(canonical("HGB", "9", "g/dL")).isEqualByComparingTo("9");
    // 1 mmol/L Hb (monomer, 16.114 kg/mol) = 16.114 g/L = 1.6114 g/dL
    assertThat(canonical("HGB", "1", "mmol/L")).isEqualByComparingTo("1.6114");
    assertThat(canonical("HGB", "5.5853", "mmol/L")).isEqualByComparingTo("9.00015242");
  }

  @Test
  void bilirubinInMilligramsPerDecilitre() {
    // 10 mg/L / 584.66 g/mol = 17.104 umol/L
    assertThat(canonical("TBIL", "1", "mg/dL")).isEqualByComparingTo("17.104");
    assertThat(canonical("TBIL", "21", "umol/L")).isEqualByComparingTo("21");
    assertThat(canonical("TBIL", "21", "µmol/L")).isEqualByComparingTo("21");
    assertThat(canonical("TBIL", "21", "μmol/L")).isEqualByComparingTo("21");
  }

  @Test
  void creatinineInMilligramsPerDecilitre() {
    // 10 mg/L / 113.12 g/mol = 88.4 umol/L; factor 88.42
    assertThat(canonical("CREAT", "1", "mg/dL")).isEqualByComparingTo("88.42");
    assertThat(canonical("CREAT", "97", "umol/L")).isEqualByComparingTo("97");
  }

  @Test
  void transaminasesInInternationalUnitsAndMicrokatal() {
    for (String analyte : new String[] {"AST", "ALT"}) {
      assertThat(canonical(analyte, "40", "U/L")).isEqualByComparingTo("40");
      assertThat(canonical(analyte, "40", "IU/L")).isEqualByComparingTo("40");
      // 1 ukat/L = 1 umol/s/L = 60 umol/min/L = 60 U/L
      assertThat(canonical(analyte, "0.5", "ukat/L")).isEqualByComparingTo("30");
      assertThat(canonical(analyte, "0.5", "µkat/L")).isEqualByComparingTo("30");
    }
  }

  @Test
  void unitSpellingVariantsAreRecognised() {
    assertThat(LabUnits.isUnit("WBC", "x10^9/L")).isTrue();
    assertThat(LabUnits.isUnit("WBC", "×10^9/l")).isTrue();
    assertThat(LabUnits.isUnit("HGB", "g/dl")).isTrue();
    assertThat(LabUnits.isUnit("CREAT", "umol/l")).isTrue();
    assertThat(LabUnits.isUnit("PLT", "10\u2079/L")).isTrue();
    assertThat(LabUnits.factor("PLT", "cells/\u00b5L")).isEqualByComparingTo("0.001");
    assertThat(LabUnits.factor("WBC", "K/uL")).isEqualByComparingTo("1");
  }

  @Test
  void unknownUnitsAndAnalytesAreRejectedWithTheAcceptedOnes() {
    assertThatThrownBy(() -> LabUnits.factor("HGB", "mg/L")).isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("unknown unit 'mg/L' for HGB").hasMessageContaining("g/dL, g/L, mmol/L");
    assertThatThrownBy(() -> LabUnits.factor("LDH", "U/L")).isInstanceOf(UnknownUnitException.class)
        .hasMessageContaining("unknown analyte 'LDH'");
    assertThat(LabUnits.isUnit("WBC", "g/L")).isFalse();
  }

  @Test
  void conversionIsExactForRandomValues() {
    // property: value x factor is exact (no rounding), and dividing back gives the value again
    Random rnd = new Random(20250310L);
    for (int i = 0; i < 2000; i++) {
      String analyte = LabUnits.analytes().toArray(String[]::new)[rnd.nextInt(8)];
      String unit = LabUnits.units(analyte).get(rnd.nextInt(LabUnits.units(analyte).size()));
      BigDecimal v = BigDecimal.valueOf(rnd.nextInt(1_000_000), rnd.nextInt(5));
      Conversion c = LabUnits.toCanonical(analyte, v, unit);
      assertThat(c.canonicalValue()).isEqualByComparingTo(v.multiply(c.factor()));
      assertThat(c.canonicalValue().divide(c.factor())).isEqualByComparingTo(v);
    }
  }

  @Test
  void conversionIsDescribedWithItsFactor() {
    assertThat(LabUnits.toCanonical("HGB", new BigDecimal("85"), "g/L").describe())
        .isEqualTo("85 g/L = 8.5 g/dL (x 0.1)");
    assertThat(LabUnits.toCanonical("WBC", new BigDecimal("4.2"), "10^9/L").describe()).isEqualTo("4.2 10^9/L");
  }
}
