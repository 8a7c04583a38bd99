package org.oligotrial.server.web;

import java.time.LocalDate;
import org.openqa.selenium.By;

/**
 * Fills the NCT03119519 screening form of the browser with an eligible candidate screened on a given day: the one
 * form-filling helper of the browser tests.
 */
final class ScreeningFill {
  private ScreeningFill() {}

  /** An eligible candidate with bone metastases only (no intracranial disease). */
  static void eligible(Browser b, LocalDate day) {
    eligible(b, day, false);
  }

  /**
   * An eligible candidate; with {@code brainMetastasis}, a second metastatic site (one brain lesion) and intracranial
   * disease "yes", the level of the stratification factor the randomization page then shows.
   */
  static void eligible(Browser b, LocalDate day, boolean brainMetastasis) {
    b.set("screeningDate", day.toString());
    b.set("birthDate", day.minusYears(60).toString());
    b.select("sex", "female");
    b.select("pregnant", "no");
    b.select("breastfeeding", "no");
    b.select("histology", "adenocarcinoma");
    b.select("confirmation", "histology");
    b.select("t", "T2a");
    b.select("n", "N1");
    b.select("m", "M1b");
    b.type("primaryDiameter", "34");
    b.select("metSite0", "bone");
    b.type("metLesions0", "2");
    if (brainMetastasis) {
      b.select("metSite1", "brain");
      b.type("metLesions1", "1");
    }
    b.select("intracranial", brainMetastasis ? "yes" : "no");
    b.select("ecog", "1");
    b.type("lifeExpectancy", "12");
    b.select("egfr", "mutant");
    b.driver.findElement(By.cssSelector("input[name=prior][value=biopsy]")).click();
    b.select("canTolerate", "yes");
    b.select("otherMalignancy", "no");
    b.select("uncontrolled", "no");
    b.type("allergies", "none");
    b.select("expectedToComplete", "yes");
    b.select("consentSigned", "yes");
    lab(b, "WBC", "6.2", "10^9/L", null);
    lab(b, "NEU", "3.9", "10^9/L", null);
    lab(b, "PLT", "245", "10^9/L", null);
    lab(b, "HGB", "118", "g/L", null);
    lab(b, "TBIL", "12.5", "umol/L", "21");
    lab(b, "AST", "28", "U/L", "40");
    lab(b, "ALT", "31", "U/L", "40");
    lab(b, "CREAT", "0.8", "mg/dL", "1.1");
  }

  private static void lab(Browser b, String analyte, String value, String unit, String uln) {
    b.select(analyte + "_unit", unit);
    b.type(analyte + "_value", value);
    if (uln != null) {
      b.type(analyte + "_uln", uln);
    }
  }
}
