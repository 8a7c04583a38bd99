package org.oligotrial.protocol;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The field vocabulary shared by protocol rules and the screening-record format: every path a rule may name, its
 * type and, for coded fields, the allowed values. The screening-record parser accepts exactly these codes, and the
 * protocol loader rejects a rule naming an unknown field or an impossible code. Laboratory values are not fields here:
 * rules reach them by analyte code ({@link Rule.Lab}). Immutable and thread-safe.
 */
public final class RecordFields {

  /** What a field holds. */
  public enum Type {
    /** A number (integer or decimal). */
    NUMBER,
    /** A coded or free text value. */
    TEXT,
    /** A yes/no value. */
    FLAG,
    /** A calendar date (ISO yyyy-mm-dd). */
    DATE,
    /** A list of objects (used by {@code sum} and {@code count}). */
    LIST,
    /** A list of text values, or a text field of every item of a list (e.g. {@code metastases.site}). */
    TEXT_LIST,
    /** A numeric field of every item of a list (e.g. {@code metastases.lesions}). */
    ITEM_NUMBER
  }

  /**
   * One field.
   *
   * @param path the dotted path, e.g. {@code diagnosis.histology}
   * @param type what it holds
   * @param codes the allowed values of a coded field; empty when any text is allowed
   */
  public record Field(String path, Type type, List<String> codes) {}

  /** Sexes. */
  public static final List<String> SEXES = List.of("female", "male");
  /** Histology codes. */
  public static final List<String> HISTOLOGIES =
      List.of("adenocarcinoma", "squamous", "large-cell", "nsclc-nos", "small-cell", "other");
  /** How the diagnosis was confirmed. */
  public static final List<String> CONFIRMATIONS = List.of("histology", "cytology", "clinical");
  /** AJCC 8th edition T categories. */
  public static final List<String> T_CATEGORIES =
      List.of("TX", "T0", "Tis", "T1mi", "T1", "T1a", "T1b", "T1c", "T2", "T2a", "T2b", "T3", "T4");
  /** AJCC 8th edition N categories. */
  public static final List<String> N_CATEGORIES = List.of("NX", "N0", "N1", "N2", "N3");
  /** AJCC 8th edition M categories. */
  public static final List<String> M_CATEGORIES = List.of("M0", "M1", "M1a", "M1b", "M1c");
  /** Prior treatment types. */
  public static final List<String> TREATMENT_TYPES = List.of("biopsy", "surgery", "radiotherapy", "chemotherapy",
      "targeted", "immunotherapy", "ablation", "other");
  /** EGFR status codes. */
  public static final List<String> EGFR_STATUSES = List.of("mutant", "wild-type", "unknown");

  /**
   * Coded sites of distant metastases: {@code lung} is the contralateral lung or another lobe, {@code distant-node}
   * a non-regional lymph node; {@code other} needs the site in words ({@code metastases[].text}).
   */
  public static final List<String> METASTASIS_SITES = List.of("brain", "leptomeninges", "bone", "liver", "adrenal",
      "lung", "pleura", "pericardium", "distant-node", "skin-soft-tissue", "other");

  /** The sites of {@link #METASTASIS_SITES} in the central nervous system (intracranial metastasis). */
  public static final List<String> CNS_METASTASIS_SITES = List.of("brain", "leptomeninges");

  private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

  static {
    add("id", Type.TEXT);
    add("screeningDate", Type.DATE);
    add("birthDate", Type.DATE);
    add("sex", Type.TEXT, SEXES);
    add("pregnant", Type.FLAG);
    add("breastfeeding", Type.FLAG);
    add("diagnosis.histology", Type.TEXT, HISTOLOGIES);
    add("diagnosis.confirmation", Type.TEXT, CONFIRMATIONS);
    add("staging.t", Type.TEXT, T_CATEGORIES);
    add("staging.n", Type.TEXT, N_CATEGORIES);
    add("staging.m", Type.TEXT, M_CATEGORIES);
    add("primaryTumor.longestDiameterMm", Type.NUMBER);
    add("metastases", Type.LIST);
    add("intracranialMetastasis", Type.FLAG);
    add("metastases.site", Type.TEXT_LIST, METASTASIS_SITES);
    add("metastases.text", Type.TEXT_LIST);
    add("metastases.lesions", Type.ITEM_NUMBER);
    add("ecog", Type.NUMBER);
    add("priorTreatments", Type.LIST);
    add("priorTreatments.type", Type.TEXT_LIST, TREATMENT_TYPES);
    add("lifeExpectancyMonths", Type.NUMBER);
    add("egfr", Type.TEXT, EGFR_STATUSES);
    add("canTolerateSystemicTherapy", Type.FLAG);
    add("otherMalignancy", Type.FLAG);
    add("uncontrolledSeriousDisease", Type.FLAG);
    add("allergies", Type.TEXT_LIST);
    add("expectedToComplete", Type.FLAG);
    add("consentSigned", Type.FLAG);
  }

  private RecordFields() {}

  private static void add(String path, Type type) {
    add(path, type, List.of());
  }

  private static void add(String path, Type type, List<String> codes) {
    FIELDS.put(path, new Field(path, type, codes));
  }

  /** The field at {@code path}, or null when there is none. */
  public static Field field(String path) {
    return path == null ? null : FIELDS.get(path);
  }

  /** Every field, in the order of the documented record format. */
  public static Collection<Field> all() {
    return FIELDS.values();
  }
}
