package org.oligotrial.fhir;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The code tables of the mapping, in both directions (bundle to record, record to bundle). Sources: LOINC 2.78
 * (loinc.org; the mCODE STU3 value sets for TNM, ECOG, genomic variant, tumor size), SNOMED CT International
 * (browser.ihtsdotools.org; morphologic abnormalities of ICD-O-3 8140/3, 8070/3, 8012/3, 8046/3, 8041/3 and body
 * structures), RxNorm ingredients (NLM RxNav), HGNC (genenames.org, EGFR = HGNC:3236), the AJCC staging code system
 * {@code http://cancerstaging.org} used by mCODE STU3, UCUM. Codes the screening record has no standard for (the
 * clinician's judgement items and the diagnosis confirmation) use the project's code system {@link #ASSESSMENT}.
 * Each table is also listed in docs/fhir.md.
 */
public final class McodeCodes {
  private McodeCodes() {}

  public static final String LOINC = "http://loinc.org";
  public static final String SNOMED = "http://snomed.info/sct";
  public static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
  public static final String HGNC = "http://www.genenames.org";
  public static final String AJCC = "http://cancerstaging.org";
  public static final String UCUM = "http://unitsofmeasure.org";
  /** The project's code system for items no standard code covers (assessment observations, confirmation). */
  public static final String ASSESSMENT = "https://oligotrial.org/fhir/CodeSystem/screening-assessment";
  /** The project's extension for the number of lesions a secondary cancer condition stands for (default 1). */
  public static final String LESION_COUNT = "https://oligotrial.org/fhir/StructureDefinition/lesion-count";
  /** mCODE's histology-morphology-behavior extension on the primary cancer condition. */
  public static final String HISTOLOGY_EXT =
      "http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-histology-morphology-behavior";
  public static final String MCODE_SD = "http://hl7.org/fhir/us/mcode/StructureDefinition/";

  // LOINC observation codes
  public static final String ECOG = "89247-1";
  public static final String STAGE_GROUP_CLINICAL = "21908-9";
  public static final String T_CLINICAL = "21905-5";
  public static final String N_CLINICAL = "21906-3";
  public static final String M_CLINICAL = "21907-1";
  public static final String STAGE_GROUP_PATH = "21902-2";
  public static final String T_PATH = "21899-0";
  public static final String N_PATH = "21900-6";
  public static final String M_PATH = "21901-4";
  public static final String GENETIC_VARIANT = "69548-6";
  public static final String GENE_STUDIED = "48018-6";
  public static final String EGFR_HGNC = "HGNC:3236";
  public static final String TUMOR_SIZE = "21889-1";
  public static final String TUMOR_LONGEST = "33728-7";
  public static final String PREGNANCY_STATUS = "82810-3";
  public static final String BREASTFEEDING = "63895-7";
  public static final String CONSENT_DOCUMENT = "59284-0";
  /** History of medication use (a List of them, or an empty List with emptyReason nilknown). */
  public static final String MEDICATION_HISTORY = "10160-0";
  /** History of procedures. */
  public static final String PROCEDURE_HISTORY = "47519-4";
  public static final String LIST_EMPTY_REASON = "http://terminology.hl7.org/CodeSystem/list-empty-reason";

  /** LOINC answers of the genetic variant assessment (answer list LL1971-2). */
  public static final String PRESENT = "LA9633-4";
  public static final String ABSENT = "LA9634-2";
  public static final String NO_CALL = "LA18198-4";
  public static final String INDETERMINATE = "LA11884-6";

  /** SNOMED CT pregnancy findings. */
  public static final String PREGNANT = "77386006";
  public static final String NOT_PREGNANT = "60001007";

  /** SNOMED CT: secondary malignant neoplastic disease (disorder). */
  public static final String SECONDARY_MALIGNANCY = "128462008";
  /** SNOMED CT: no known allergy (situation). */
  public static final String NO_KNOWN_ALLERGY = "716186003";

  /** ECOG grades 0-5 as LOINC answers (answer list LL529-9), index = grade. */
  public static final String[] ECOG_ANSWERS = {"LA9622-7", "LA9623-5", "LA9624-3", "LA9625-0", "LA9626-8",
      "LA9627-6"};

  /** Record histology to SNOMED CT morphologic abnormality (ICD-O-3 in the comment). */
  public static final Map<String, String> HISTOLOGY_MORPHOLOGY = map(
      "adenocarcinoma", "35917007", // Adenocarcinoma, no subtype; 8140/3
      "squamous", "28899001", // Squamous cell carcinoma, no ICD-O subtype; 8070/3
      "large-cell", "22687000", // Large cell carcinoma; 8012/3
      "small-cell", "74364000"); // Small cell carcinoma; 8041/3
  // nsclc-nos (ICD-O-3 8046/3) has no morphology code here: it is read from the disorder code 254637007

  /** Record histology to SNOMED CT disorder (the primary cancer condition's code). */
  public static final Map<String, String> HISTOLOGY_DISORDER = map(
      "adenocarcinoma", "254626006", // Adenocarcinoma of lung
      "squamous", "254634000", // Squamous cell carcinoma of lung
      "large-cell", "254629004", // Large cell carcinoma of lung
      "nsclc-nos", "254637007", // Non-small cell lung cancer
      "small-cell", "254632001", // Small cell carcinoma of lung
      "other", "363358000"); // Malignant tumor of lung (histology not given by the code)

  /** Record metastasis site to SNOMED CT body structure (the secondary cancer condition's bodySite). */
  public static final Map<String, String> SITE_BODY_STRUCTURE = map(
      "brain", "12738006", // Brain structure
      "leptomeninges", "1231004", // Meninges structure
      "bone", "272673000", // Bone structure
      "liver", "10200004", // Liver structure
      "adrenal", "23451007", // Adrenal gland structure
      "lung", "39607008", // Lung structure
      "pleura", "3120008", // Pleural membrane structure
      "pericardium", "25087005", // Pericardial structure
      "distant-node", "59441001", // Structure of lymph node
      "skin-soft-tissue", "39937001"); // Skin structure

  /** Record analyte to LOINC (the first code is written; all are read). */
  public static final Map<String, String[]> LAB_LOINC = Map.of(
      "WBC", new String[] {"6690-2", "26464-8"}, // Leukocytes [#/volume] in Blood (automated count; any method)
      "NEU", new String[] {"751-8", "26499-4"}, // Neutrophils [#/volume] in Blood
      "PLT", new String[] {"777-3", "26515-7"}, // Platelets [#/volume] in Blood
      "HGB", new String[] {"718-7", "59260-0"}, // Hemoglobin [Mass/volume]; [Moles/volume] in Blood
      "TBIL", new String[] {"1975-2", "14631-6"}, // Bilirubin.total [Mass/volume]; [Moles/volume] in Ser/Plas
      "AST", new String[] {"1920-8"}, // Aspartate aminotransferase [Enzymatic activity/volume] in Ser/Plas
      "ALT", new String[] {"1742-6"}, // Alanine aminotransferase [Enzymatic activity/volume] in Ser/Plas
      "CREAT", new String[] {"2160-0", "14682-9"}); // Creatinine [Mass/volume]; [Moles/volume] in Ser/Plas

  /** Anti-cancer drugs by RxNorm ingredient: the record's treatment type, and the allergy word it gives. */
  public record Drug(String name, String treatment, String allergy) {}

  public static final Map<String, Drug> RXNORM_DRUGS = Map.ofEntries(
      Map.entry("2555", new Drug("cisplatin", "chemotherapy", "cisplatin")),
      Map.entry("40048", new Drug("carboplatin", "chemotherapy", "carboplatin")),
      Map.entry("68446", new Drug("pemetrexed", "chemotherapy", "pemetrexed")),
      Map.entry("56946", new Drug("paclitaxel", "chemotherapy", "taxanes")),
      Map.entry("72962", new Drug("docetaxel", "chemotherapy", "taxanes")),
      Map.entry("12574", new Drug("gemcitabine", "chemotherapy", "gemcitabine")),
      Map.entry("39541", new Drug("vinorelbine", "chemotherapy", "vinorelbine")),
      Map.entry("4179", new Drug("etoposide", "chemotherapy", "etoposide")),
      Map.entry("328134", new Drug("gefitinib", "targeted", "gefitinib")),
      Map.entry("337525", new Drug("erlotinib", "targeted", "erlotinib")),
      Map.entry("1430438", new Drug("afatinib", "targeted", "targeted-therapy")),
      Map.entry("1721560", new Drug("osimertinib", "targeted", "targeted-therapy")),
      Map.entry("1547545", new Drug("pembrolizumab", "immunotherapy", "pembrolizumab")),
      Map.entry("1597876", new Drug("nivolumab", "immunotherapy", "nivolumab")),
      Map.entry("1792776", new Drug("atezolizumab", "immunotherapy", "atezolizumab")),
      Map.entry("1919503", new Drug("durvalumab", "immunotherapy", "durvalumab")));

  /** Record treatment type to the RxNorm ingredient the generator writes for it. */
  public static final Map<String, String> TREATMENT_DRUG = map(
      "chemotherapy", "2555", "targeted", "328134", "immunotherapy", "1547545");

  /** Procedures by SNOMED CT code: the record's treatment type. */
  public static final Map<String, String> PROCEDURE_TREATMENT = map(
      "86273004", "biopsy", // Biopsy (procedure)
      "387713003", "surgery", // Surgical procedure
      "173171007", "surgery", // Lobectomy of lung
      "108290001", "radiotherapy"); // Radiation oncology AND/OR radiotherapy

  /** Record treatment type to the SNOMED CT procedure code the generator writes. */
  public static final Map<String, String> TREATMENT_PROCEDURE = map(
      "biopsy", "86273004", "surgery", "387713003", "radiotherapy", "108290001");

  /** Allergy words the generator writes as SNOMED CT substance / situation codes beside RxNorm drugs. */
  public static final Map<String, String> ALLERGY_SNOMED = map(
      "contrast-agent", "293637006"); // Allergy to contrast media (finding)

  /** Assessment codes of {@link #ASSESSMENT}, by record field. */
  public static final Map<String, String> ASSESSMENTS = map(
      "lifeExpectancyMonths", "life-expectancy",
      "canTolerateSystemicTherapy", "can-tolerate-systemic-therapy",
      "otherMalignancy", "other-malignancy",
      "uncontrolledSeriousDisease", "uncontrolled-serious-disease",
      "expectedToComplete", "expected-to-complete");

  private static Map<String, String> map(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The key whose value is {@code value}, or null. */
  static String keyOf(Map<String, String> m, String value) {
    for (Map.Entry<String, String> e : m.entrySet()) {
      if (e.getValue().equals(value)) {
        return e.getKey();
      }
    }
    return null;
  }
}
