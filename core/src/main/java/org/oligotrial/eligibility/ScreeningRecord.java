package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A candidate's screening data, as documented in docs/eligibility.md and docs/schema/screening-record.schema.json.
 * A null component means "unknown"; an empty list means "none". Coded text uses the codes of
 * {@link org.oligotrial.protocol.RecordFields}. Build one with {@link ScreeningRecordParser} (which validates) or
 * directly (the engine trusts what it is given). Immutable when the lists and map given are.
 *
 * @param id the candidate's screening id
 * @param screeningDate the date of screening; age is counted at this date
 * @param birthDate the date of birth
 * @param sex {@code female} or {@code male}
 * @param pregnant whether pregnant
 * @param breastfeeding whether breast-feeding
 * @param diagnosis histology and how it was confirmed
 * @param staging AJCC 8th edition T, N and M categories
 * @param primaryTumor the primary tumour's measurement
 * @param metastases the distant metastases, by coded site, with the number of lesions at each
 * @param ecog ECOG performance status 0-5
 * @param priorTreatments anti-cancer treatments (and biopsies) received before screening
 * @param lifeExpectancyMonths the investigator's estimate of life expectancy, in months
 * @param labs laboratory values by analyte code (WBC, NEU, PLT, HGB, TBIL, AST, ALT, CREAT); a missing key is unknown
 * @param egfr EGFR status: {@code mutant}, {@code wild-type} or {@code unknown} (not tested yet)
 * @param canTolerateSystemicTherapy whether chemotherapy or targeted therapy can be tolerated
 * @param otherMalignancy whether there is a previous or concurrent other malignancy
 * @param uncontrolledSeriousDisease whether there is an uncontrolled serious concurrent disease
 * @param allergies drug or agent allergies, e.g. {@code cisplatin}, {@code contrast-agent}
 * @param expectedToComplete whether the investigator expects the patient to complete the trial
 * @param consentSigned whether written informed consent has been given
 * @param intracranialMetastasis the screening question "intracranial metastasis?" (a stratification factor);
 *     consistent with the metastasis sites: yes needs a brain or leptomeningeal site, no allows none
 *     ({@link ScreeningRecordParser} checks it)
 */
public record ScreeningRecord(String id, LocalDate screeningDate, LocalDate birthDate, String sex, Boolean pregnant,
    Boolean breastfeeding, Diagnosis diagnosis, Staging staging, PrimaryTumor primaryTumor,
    List<Metastasis> metastases, Integer ecog, List<PriorTreatment> priorTreatments, BigDecimal lifeExpectancyMonths,
    Map<String, LabValue> labs, String egfr, Boolean canTolerateSystemicTherapy, Boolean otherMalignancy,
    Boolean uncontrolledSeriousDisease, List<String> allergies, Boolean expectedToComplete, Boolean consentSigned,
    Boolean intracranialMetastasis) {

  /** A record without the intracranial-metastasis answer (unknown). */
  public ScreeningRecord(String id, LocalDate screeningDate, LocalDate birthDate, String sex, Boolean pregnant,
      Boolean breastfeeding, Diagnosis diagnosis, Staging staging, PrimaryTumor primaryTumor,
      List<Metastasis> metastases, Integer ecog, List<PriorTreatment> priorTreatments, BigDecimal lifeExpectancyMonths,
      Map<String, LabValue> labs, String egfr, Boolean canTolerateSystemicTherapy, Boolean otherMalignancy,
      Boolean uncontrolledSeriousDisease, List<String> allergies, Boolean expectedToComplete, Boolean consentSigned) {
    this(id, screeningDate, birthDate, sex, pregnant, breastfeeding, diagnosis, staging, primaryTumor, metastases,
        ecog, priorTreatments, lifeExpectancyMonths, labs, egfr, canTolerateSystemicTherapy, otherMalignancy,
        uncontrolledSeriousDisease, allergies, expectedToComplete, consentSigned, null);
  }

  /**
   * The diagnosis.
   *
   * @param histology adenocarcinoma, squamous, large-cell, nsclc-nos, small-cell or other
   * @param confirmation histology, cytology or clinical
   */
  public record Diagnosis(String histology, String confirmation) {}

  /**
   * AJCC 8th edition TNM categories, e.g. T2a, N2, M1b.
   *
   * @param t the T category
   * @param n the N category
   * @param m the M category
   */
  public record Staging(String t, String n, String m) {}

  /** @param longestDiameterMm the primary tumour's longest diameter on CT, in millimetres */
  public record PrimaryTumor(BigDecimal longestDiameterMm) {}

  /**
   * Metastases at one site.
   *
   * @param site the coded site ({@link org.oligotrial.protocol.RecordFields#METASTASIS_SITES}), e.g. {@code brain},
   *     {@code bone}, {@code liver}, or {@code other}
   * @param lesions the number of metastatic lesions at the site (1 or more)
   * @param text the site in words: required for {@code other}, an optional precision otherwise
   */
  public record Metastasis(String site, Integer lesions, String text) {
    /** Metastases at a coded site without text. */
    public Metastasis(String site, Integer lesions) {
      this(site, lesions, null);
    }
  }

  /** @param type biopsy, surgery, radiotherapy, chemotherapy, targeted, immunotherapy, ablation or other */
  public record PriorTreatment(String type) {}

  /**
   * A laboratory value.
   *
   * @param value the value, not negative
   * @param unit its unit, one of those accepted for the analyte ({@link org.oligotrial.units.LabUnits})
   * @param uln the upper limit of normal of the site's laboratory, or null when not given
   * @param ulnUnit the unit of {@code uln}, or null when it is the value's unit
   */
  public record LabValue(BigDecimal value, String unit, BigDecimal uln, String ulnUnit) {
    /** A value without ULN. */
    public LabValue(BigDecimal value, String unit) {
      this(value, unit, null, null);
    }
  }
}
