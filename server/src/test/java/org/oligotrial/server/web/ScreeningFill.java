package org.oligotrial.server.web;

import java.time.LocalDate;
import org.openqa.selenium.By;

/** Fills the screening form of the browser with an eligible candidate screened on a given day. */
final class ScreeningFill {
  private ScreeningFill() {}

  static void eligible(Browser b, LocalDate day) {
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
    b.select("intracranial", "no");
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
