package org.oligotrial.cdisc.tabulation;

import static org.oligotrial.cdisc.tabulation.SdtmBuilder.coll;
import static org.oligotrial.cdisc.tabulation.SdtmBuilder.id;
import static org.oligotrial.cdisc.tabulation.SdtmBuilder.seq;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.ASSIGNED;
import static org.oligotrial.cdisc.tabulation.Variable.Origin.DERIVED;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oligotrial.eligibility.CriterionResult;
import org.oligotrial.eligibility.CriterionStatus;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.CriterionKind;
import org.oligotrial.protocol.Protocol;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domains that come from a subject's screening record (docs/eligibility.md): DM's sex, birth date and age; LB,
 * the screening laboratory values (LBTESTCD after CDISC CT C65047: WBC, NEUT, PLAT, HGB, BILI, AST, ALT, CREAT),
 * each with its unit and upper limit of normal as recorded; MH, the primary diagnosis (non-small-cell lung cancer
 * with its histology and TNM stage) and the recorded other malignancy or uncontrolled serious disease; IE, the
 * criteria the subject did not meet (SDTMIG 3.4 section 6.3.4: only exceptions are recorded; IEORRES N for an
 * inclusion not met, Y for an exclusion met), decided by the project's eligibility engine. Not thread-safe.
 */
final class ScreeningDomains {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String[]> LAB = Map.of(
      "WBC", new String[] {"WBC", "Leukocytes", "HEMATOLOGY"},
      "NEU", new String[] {"NEUT", "Neutrophils", "HEMATOLOGY"},
      "PLT", new String[] {"PLAT", "Platelets", "HEMATOLOGY"},
      "HGB", new String[] {"HGB", "Hemoglobin", "HEMATOLOGY"},
      "TBIL", new String[] {"BILI", "Bilirubin", "CHEMISTRY"},
      "AST", new String[] {"AST", "Aspartate Aminotransferase", "CHEMISTRY"},
      "ALT", new String[] {"ALT", "Alanine Aminotransferase", "CHEMISTRY"},
      "CREAT", new String[] {"CREAT", "Creatinine", "CHEMISTRY"});

  private final Protocol p;
  private final EligibilityEngine engine;
  final Dataset lb;
  final Dataset mh;
  final Dataset ie;

  ScreeningDomains(Protocol p) {
    this.p = p;
    this.engine = new EligibilityEngine(p);
    lb = new Dataset("LB", "Laboratory Test Results", "FINDINGS", "One record per lab test per time point per "
        + "subject", false, List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("LBSEQ"),
        Variable.text("LBTESTCD", "Lab Test or Examination Short Name", ASSIGNED).req().codes("LBTESTCD"),
        Variable.text("LBTEST", "Lab Test or Examination Name", ASSIGNED).req(),
        Variable.text("LBCAT", "Category for Lab Test", ASSIGNED), coll("LBORRES", "Result or Finding in "
            + "Original Units"), coll("LBORRESU", "Original Units"),
        coll("LBORNRHI", "Reference Range Upper Limit in Orig Unit"),
        coll("LBSTRESN", "Numeric Result/Finding in Standard Units").as(Variable.Type.FLOAT),
        Variable.text("VISIT", "Visit Name", ASSIGNED),
        coll("LBDTC", "Date/Time of Specimen Collection").as(Variable.Type.DATE)),
        List.of("STUDYID", "USUBJID", "LBTESTCD", "LBDTC"));
    mh = new Dataset("MH", "Medical History", "EVENTS", "One record per medical history event per subject", false,
        List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
            id("USUBJID", "Unique Subject Identifier"), seq("MHSEQ"),
            coll("MHTERM", "Reported Term for the Medical History").req(),
            Variable.text("MHCAT", "Category for Medical History", ASSIGNED),
            coll("MHDTC", "Date/Time of History Collection").as(Variable.Type.DATE)),
        List.of("STUDYID", "USUBJID", "MHSEQ"));
    ie = new Dataset("IE", "Inclusion/Exclusion Criteria Not Met", "FINDINGS", "One record per I/E criterion not "
        + "met per subject", false, List.of(id("STUDYID", "Study Identifier"), id("DOMAIN", "Domain Abbreviation"),
        id("USUBJID", "Unique Subject Identifier"), seq("IESEQ"),
        Variable.text("IETESTCD", "Inclusion/Exclusion Criterion Short Name", ASSIGNED).req(),
        Variable.text("IETEST", "Inclusion/Exclusion Criterion", ASSIGNED).req(),
        Variable.text("IECAT", "Inclusion/Exclusion Category", ASSIGNED).req(),
        Variable.text("IEORRES", "I/E Criterion Original Result", DERIVED).req().codes("NY")
            .derived("the eligibility engine's decision: N for an inclusion not met, Y for an exclusion met"),
        Variable.text("IESTRESC", "I/E Criterion Result in Std Format", DERIVED).req().codes("NY")
            .derived("IEORRES"),
        coll("IEDTC", "Date/Time of Collection").as(Variable.Type.DATE)),
        List.of("STUDYID", "USUBJID", "IETESTCD"));
  }

  /** Sex (F, M or U), birth date and age in whole years at screening, from a screening record (or nulls). */
  static Object[] demographics(String record) {
    if (record == null) {
      return new Object[] {"U", null, null, null};
    }
    JsonNode r = JSON.readTree(record);
    String sex = switch (r.path("sex").asString("")) {
      case "female" -> "F";
      case "male" -> "M";
      default -> "U";
    };
    String birth = r.path("birthDate").asString(null);
    String screened = r.path("screeningDate").asString(null);
    Long age = birth == null || screened == null ? null
        : (long) Period.between(LocalDate.parse(birth), LocalDate.parse(screened)).getYears();
    return new Object[] {sex, birth, age, age == null ? null : "YEARS"};
  }

  void add(String studyId, String u, String record) {
    if (record == null) {
      return;
    }
    JsonNode r = JSON.readTree(record);
    String date = r.path("screeningDate").asString(null);
    long seq = 0;
    for (Map.Entry<String, JsonNode> e : r.path("labs").properties()) {
      String[] t = LAB.getOrDefault(e.getKey(), new String[] {e.getKey(), e.getKey(), null});
      JsonNode v = e.getValue();
      BigDecimal value = v.path("value").isNumber() ? v.path("value").decimalValue() : null;
      lb.add(studyId, "LB", u, ++seq, t[0], t[1], t[2], value == null ? null : Dataset.text(value),
          v.path("unit").asString(null), v.has("uln") ? v.path("uln").asString() : null, value, "SCREENING", date);
    }
    long mhSeq = 0;
    JsonNode dx = r.path("diagnosis");
    if (!dx.isMissingNode()) {
      JsonNode st = r.path("staging");
      mh.add(studyId, "MH", u, ++mhSeq, ("NON-SMALL CELL LUNG CANCER, " + dx.path("histology").asString("")
          + (st.isMissingNode() ? "" : ", " + st.path("t").asString("") + st.path("n").asString("")
          + st.path("m").asString(""))).toUpperCase(Locale.ROOT).trim(), "PRIMARY DIAGNOSIS", date);
    }
    if (r.path("otherMalignancy").asBoolean(false)) {
      mh.add(studyId, "MH", u, ++mhSeq, "OTHER MALIGNANCY", "GENERAL MEDICAL HISTORY", date);
    }
    if (r.path("uncontrolledSeriousDisease").asBoolean(false)) {
      mh.add(studyId, "MH", u, ++mhSeq, "UNCONTROLLED SERIOUS DISEASE", "GENERAL MEDICAL HISTORY", date);
    }
    long ieSeq = 0;
    for (CriterionResult c : engine.evaluate(new ScreeningRecordParser().parse(record)).criteria()) {
      if (c.status() != CriterionStatus.FAIL) {
        continue;
      }
      boolean inclusion = c.kind() == CriterionKind.INCLUSION;
      String title = p.criterion(c.id()).map(x -> x.title()).orElse(c.id());
      ie.add(studyId, "IE", u, ++ieSeq, c.id(), title.length() > 200 ? title.substring(0, 200) : title,
          inclusion ? "INCLUSION" : "EXCLUSION", inclusion ? "N" : "Y", inclusion ? "N" : "Y", date);
    }
  }
}
