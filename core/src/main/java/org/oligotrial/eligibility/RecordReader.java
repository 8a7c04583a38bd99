package org.oligotrial.eligibility;

import static org.oligotrial.eligibility.ScreeningRecordParser.describe;
import static org.oligotrial.eligibility.ScreeningRecordParser.error;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.protocol.RecordFields;
import org.oligotrial.units.LabUnits;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reads one record; holds per-record state (seen fields, date locations). */
final class RecordReader {
  /** Bit per top-level field, to reject duplicates without a set per record. */
  private static final Map<String, Integer> FIELD_BITS = new HashMap<>();

  static {
    List<String> names = List.of("id", "screeningDate", "birthDate", "sex", "pregnant", "breastfeeding", "diagnosis",
        "staging", "primaryTumor", "metastases", "ecog", "priorTreatments", "lifeExpectancyMonths", "labs", "egfr",
        "canTolerateSystemicTherapy", "otherMalignancy", "uncontrolledSeriousDisease", "allergies",
        "expectedToComplete", "consentSigned", "intracranialMetastasis");
    for (int i = 0; i < names.size(); i++) {
      FIELD_BITS.put(names.get(i), 1 << i);
    }
  }

  private final JsonParser p;
  private int birthLine;
  private int birthColumn;

  RecordReader(JsonParser p) {
    this.p = p;
  }

  ScreeningRecord readRecord() {
    String id = null;
    LocalDate screening = null;
    LocalDate birth = null;
    String sex = null;
    Boolean pregnant = null;
    Boolean breastfeeding = null;
    ScreeningRecord.Diagnosis diagnosis = null;
    ScreeningRecord.Staging staging = null;
    ScreeningRecord.PrimaryTumor primary = null;
    List<ScreeningRecord.Metastasis> metastases = null;
    Integer ecog = null;
    List<ScreeningRecord.PriorTreatment> prior = null;
    BigDecimal lifeExpectancy = null;
    Map<String, ScreeningRecord.LabValue> labs = null;
    String egfr = null;
    Boolean tolerate = null;
    Boolean otherMalignancy = null;
    Boolean uncontrolled = null;
    List<String> allergies = null;
    Boolean complete = null;
    Boolean consent = null;
    Boolean intracranial = null;
    int intracranialLine = 0;
    int intracranialColumn = 0;
    int seen = 0;
    String name;
    while ((name = p.nextName()) != null) {
      Integer bit = FIELD_BITS.get(name);
      if (bit != null) {
        if ((seen & bit) != 0) {
          throw error(p, name, "duplicate field");
        }
        seen |= bit;
      }
      JsonToken t = p.nextToken();
      switch (name) {
        case "id" -> id = text(t, name);
        case "screeningDate" -> screening = date(t, name);
        case "birthDate" -> {
          birthLine = p.currentTokenLocation().getLineNr();
          birthColumn = p.currentTokenLocation().getColumnNr();
          birth = date(t, name);
        }
        case "sex" -> sex = code(t, name, RecordFields.SEXES);
        case "pregnant" -> pregnant = flag(t, name);
        case "breastfeeding" -> breastfeeding = flag(t, name);
        case "diagnosis" -> diagnosis = diagnosis(t);
        case "staging" -> staging = staging(t);
        case "primaryTumor" -> primary = primaryTumor(t);
        case "metastases" -> metastases = metastases(t);
        case "ecog" -> ecog = ecog(t);
        case "priorTreatments" -> prior = priorTreatments(t);
        case "lifeExpectancyMonths" -> lifeExpectancy = nonNegative(t, name);
        case "labs" -> labs = labs(t);
        case "egfr" -> egfr = code(t, name, RecordFields.EGFR_STATUSES);
        case "canTolerateSystemicTherapy" -> tolerate = flag(t, name);
        case "otherMalignancy" -> otherMalignancy = flag(t, name);
        case "uncontrolledSeriousDisease" -> uncontrolled = flag(t, name);
        case "allergies" -> allergies = texts(t, name);
        case "expectedToComplete" -> complete = flag(t, name);
        case "consentSigned" -> consent = flag(t, name);
        case "intracranialMetastasis" -> {
          intracranialLine = p.currentTokenLocation().getLineNr();
          intracranialColumn = p.currentTokenLocation().getColumnNr();
          intracranial = flag(t, name);
        }
        default -> throw error(p, name, "unknown field (see docs/eligibility.md for the record format)");
      }
    }
    if (birth != null && screening != null && birth.isAfter(screening)) {
      throw new ScreeningRecordException("birth date " + birth + " is after the screening date " + screening,
          birthLine, birthColumn, "birthDate");
    }
    if (intracranial != null && metastases != null) {
      checkIntracranial(intracranial, metastases, intracranialLine, intracranialColumn);
    }
    return new ScreeningRecord(id, screening, birth, sex, pregnant, breastfeeding, diagnosis, staging, primary,
        metastases, ecog, prior, lifeExpectancy, labs, egfr, tolerate, otherMalignancy, uncontrolled, allergies,
        complete, consent, intracranial);
  }

  /**
   * The answer to "intracranial metastasis?" against the coded sites: "no" with a brain or leptomeningeal site, or
   * "yes" without one, names both fields.
   */
  private static void checkIntracranial(boolean yes, List<ScreeningRecord.Metastasis> metastases, int line, int col) {
    int cns = -1;
    for (int i = 0; i < metastases.size() && cns < 0; i++) {
      if (RecordFields.CNS_METASTASIS_SITES.contains(metastases.get(i).site())) {
        cns = i;
      }
    }
    if (!yes && cns >= 0) {
      throw new ScreeningRecordException("intracranialMetastasis is no but metastases[" + cns + "].site is "
          + metastases.get(cns).site() + "; answer yes, or correct the site", line, col, "intracranialMetastasis");
    }
    if (yes && cns < 0) {
      throw new ScreeningRecordException("intracranialMetastasis is yes but no metastases[].site is "
          + String.join(" or ", RecordFields.CNS_METASTASIS_SITES) + "; add the intracranial site, or answer no",
          line, col, "intracranialMetastasis");
    }
  }

  /**
   * A free-text term (metastasis site, allergy) in its normal form: trimmed, lower case, blanks and underscores as
   * hyphens ("Contrast agent" is {@code contrast-agent}, "Brain" is {@code brain}).
   */
  static String term(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == ' ' || c == '_' || Character.isUpperCase(c)) {
        return t.toLowerCase(java.util.Locale.ROOT).replaceAll("[\\s_]+", "-");
      }
    }
    return t;
  }

  private String text(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw error(p, field, "expected text, found " + describe(t));
    }
    return p.getText();
  }

  private String code(JsonToken t, String field, List<String> codes) {
    String s = text(t, field);
    if (s == null) {
      return null;
    }
    int i = codes.indexOf(s);
    if (i < 0) {
      throw error(p, field, "unknown code '" + s + "' (expected one of: " + String.join(", ", codes) + ")");
    }
    return codes.get(i); // the shared instance: later comparisons hit on identity

  }

  private Boolean flag(JsonToken t, String field) {
    return switch (t) {
      case VALUE_NULL -> null;
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      default -> throw error(p, field, "expected true or false, found " + describe(t));
    };
  }

  private LocalDate date(JsonToken t, String field) {
    String s = text(t, field);
    if (s == null) {
      return null;
    }
    try {
      LocalDate d = isoDate(s);
      if (d.getYear() < 1900 || d.getYear() > 2200) {
        throw error(p, field, "impossible date " + s);
      }
      return d;
    } catch (DateTimeException e) {
      throw error(p, field, "expected a date as yyyy-mm-dd, found '" + s + "'");
    }
  }

  /** yyyy-mm-dd without the formatter machinery (the batch path parses two dates per record). */
  private static LocalDate isoDate(String s) {
    if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
      int y = digits(s, 0, 4);
      int m = digits(s, 5, 7);
      int d = digits(s, 8, 10);
      if (y >= 0 && m >= 0 && d >= 0) {
        return LocalDate.of(y, m, d);
      }
    }
    return LocalDate.parse(s);
  }

  private static int digits(String s, int from, int to) {
    int v = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private BigDecimal number(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
      throw error(p, field, "expected a number, found " + describe(t));
    }
    return p.getDecimalValue();
  }

  private BigDecimal nonNegative(JsonToken t, String field) {
    BigDecimal d = number(t, field);
    if (d != null && d.signum() < 0) {
      throw error(p, field, "impossible negative value " + d.toPlainString());
    }
    return d;
  }

  private Integer integer(JsonToken t, String field, int min, int max) {
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
      int v = p.getIntValue();
      if (v < min || v > max) {
        throw error(p, field, "impossible value " + v + " (expected " + min + "-" + max + ")");
      }
      return v;
    }
    BigDecimal d = number(t, field);
    if (d == null) {
      return null;
    }
    int v;
    try {
      v = d.intValueExact();
    } catch (ArithmeticException e) {
      throw error(p, field, "expected a whole number, found " + d.toPlainString());
    }
    if (v < min || v > max) {
      throw error(p, field, "impossible value " + v + " (expected " + min + "-" + max + ")");
    }
    return v;
  }

  private Integer ecog(JsonToken t) {
    return integer(t, "ecog", 0, 5);
  }

  private boolean startObject(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_OBJECT) {
      throw error(p, field, "expected an object, found " + describe(t));
    }
    return true;
  }

  private boolean startArray(JsonToken t, String field) {
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.START_ARRAY) {
      throw error(p, field, "expected a list, found " + describe(t));
    }
    return true;
  }

  private ScreeningRecord.Diagnosis diagnosis(JsonToken t) {
    if (!startObject(t, "diagnosis")) {
      return null;
    }
    String histology = null;
    String confirmation = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "histology" -> histology = code(v, "diagnosis.histology", RecordFields.HISTOLOGIES);
        case "confirmation" -> confirmation = code(v, "diagnosis.confirmation", RecordFields.CONFIRMATIONS);
        default -> throw error(p, "diagnosis." + name, "unknown field (expected histology, confirmation)");
      }
    }
    return new ScreeningRecord.Diagnosis(histology, confirmation);
  }

  private ScreeningRecord.Staging staging(JsonToken t) {
    if (!startObject(t, "staging")) {
      return null;
    }
    String tc = null;
    String nc = null;
    String mc = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "t" -> tc = code(v, "staging.t", RecordFields.T_CATEGORIES);
        case "n" -> nc = code(v, "staging.n", RecordFields.N_CATEGORIES);
        case "m" -> mc = code(v, "staging.m", RecordFields.M_CATEGORIES);
        default -> throw error(p, "staging." + name, "unknown field (expected t, n, m)");
      }
    }
    return new ScreeningRecord.Staging(tc, nc, mc);
  }

  private ScreeningRecord.PrimaryTumor primaryTumor(JsonToken t) {
    if (!startObject(t, "primaryTumor")) {
      return null;
    }
    BigDecimal d = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken v = p.nextToken();
      if (!name.equals("longestDiameterMm")) {
        throw error(p, "primaryTumor." + name, "unknown field (expected longestDiameterMm)");
      }
      d = nonNegative(v, "primaryTumor.longestDiameterMm");
    }
    return new ScreeningRecord.PrimaryTumor(d);
  }

  private List<ScreeningRecord.Metastasis> metastases(JsonToken t) {
    if (!startArray(t, "metastases")) {
      return null;
    }
    List<ScreeningRecord.Metastasis> out = new ArrayList<>(4);
    int i = 0;
    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken(), i++) {
      String at = "metastases[" + i + "]";
      if (v != JsonToken.START_OBJECT) {
        throw error(p, at, "expected an object {site, lesions}, found " + describe(v));
      }
      String site = null;
      Integer lesions = null;
      String text = null;
      String name;
      while ((name = p.nextName()) != null) {
        JsonToken x = p.nextToken();
        switch (name) {
          case "site" -> {
            site = term(text(x, at + ".site"));
            if (site != null && site.isBlank()) {
              throw error(p, at + ".site", "empty site");
            }
            int k = site == null ? 0 : RecordFields.METASTASIS_SITES.indexOf(site);
            if (k < 0) {
              throw error(p, at + ".site", "unknown site '" + site + "' (expected one of: "
                  + String.join(", ", RecordFields.METASTASIS_SITES) + "; use other with text for any other site)");
            }
            site = site == null ? null : RecordFields.METASTASIS_SITES.get(k);
          }
          case "lesions" -> lesions = integer(x, at + ".lesions", 1, 1000);
          case "text" -> {
            text = text(x, at + ".text");
            text = text == null || text.isBlank() ? null : text.strip();
          }
          default -> throw error(p, at + "." + name, "unknown field (expected site, lesions, text)");
        }
      }
      if ("other".equals(site) && text == null) {
        throw error(p, at + ".text", "site other needs the site in words (text)");
      }
      out.add(new ScreeningRecord.Metastasis(site, lesions, text));
    }
    return List.copyOf(out);
  }

  private List<ScreeningRecord.PriorTreatment> priorTreatments(JsonToken t) {
    if (!startArray(t, "priorTreatments")) {
      return null;
    }
    List<ScreeningRecord.PriorTreatment> out = new ArrayList<>(2);
    int i = 0;
    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken(), i++) {
      String at = "priorTreatments[" + i + "]";
      if (v != JsonToken.START_OBJECT) {
        throw error(p, at, "expected an object {type}, found " + describe(v));
      }
      String type = null;
      String name;
      while ((name = p.nextName()) != null) {
        JsonToken x = p.nextToken();
        if (!name.equals("type")) {
          throw error(p, at + "." + name, "unknown field (expected type)");
        }
        type = code(x, at + ".type", RecordFields.TREATMENT_TYPES);
      }
      out.add(new ScreeningRecord.PriorTreatment(type));
    }
    return List.copyOf(out);
  }

  private List<String> texts(JsonToken t, String field) {
    if (!startArray(t, field)) {
      return null;
    }
    List<String> out = new ArrayList<>(2);
    int i = 0;
    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken(), i++) {
      String s = term(text(v, field + "[" + i + "]"));
      if (s == null || s.isBlank()) {
        throw error(p, field + "[" + i + "]", "expected a non-empty text");
      }
      out.add(s);
    }
    return List.copyOf(out);
  }

  private Map<String, ScreeningRecord.LabValue> labs(JsonToken t) {
    if (!startObject(t, "labs")) {
      return null;
    }
    Map<String, ScreeningRecord.LabValue> out = new HashMap<>(16);
    String analyte;
    while ((analyte = p.nextName()) != null) {
      String at = "labs." + analyte;
      if (!LabUnits.isAnalyte(analyte)) {
        throw error(p, at, "unknown analyte '" + analyte + "' (known: " + String.join(", ", LabUnits.analytes())
            + ")");
      }
      if (out.containsKey(analyte)) {
        throw error(p, at, "duplicate field");
      }
      JsonToken v = p.nextToken();
      if (startObject(v, at)) {
        out.put(analyte, lab(analyte, at));
      }
    }
    return out;
  }

  private ScreeningRecord.LabValue lab(String analyte, String at) {
    BigDecimal value = null;
    String unit = null;
    BigDecimal uln = null;
    String ulnUnit = null;
    String name;
    while ((name = p.nextName()) != null) {
      JsonToken v = p.nextToken();
      switch (name) {
        case "value" -> value = nonNegative(v, at + ".value");
        case "unit" -> {
          unit = text(v, at + ".unit");
          if (unit != null) {
            if (!LabUnits.isUnit(analyte, unit)) {
              throw error(p, at + ".unit", "unknown unit '" + unit + "' for " + analyte + " (accepted: "
                  + String.join(", ", LabUnits.units(analyte)) + ")");
            }
            unit = unit.intern();
          }
        }
        case "uln" -> {
          uln = number(v, at + ".uln");
          if (uln != null && uln.signum() <= 0) {
            throw error(p, at + ".uln", "the upper limit of normal must be positive, found " + uln.toPlainString());
          }
        }
        case "ulnUnit" -> {
          ulnUnit = text(v, at + ".ulnUnit");
          if (ulnUnit != null && !LabUnits.isUnit(analyte, ulnUnit)) {
            throw error(p, at + ".ulnUnit", "unknown unit '" + ulnUnit + "' for " + analyte + " (accepted: "
                + String.join(", ", LabUnits.units(analyte)) + ")");
          }
        }
        default -> throw error(p, at + "." + name, "unknown field (expected value, unit, uln, ulnUnit)");
      }
    }
    if (value != null && unit == null) {
      throw error(p, at + ".unit", "a value needs its unit");
    }
    if (uln != null && unit == null && ulnUnit == null) {
      throw error(p, at + ".ulnUnit", "the upper limit of normal needs a unit");
    }
    return new ScreeningRecord.LabValue(value, unit, uln, ulnUnit);
  }
}
