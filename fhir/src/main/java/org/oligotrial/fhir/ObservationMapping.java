package org.oligotrial.fhir;

import static org.oligotrial.fhir.McodeCodes.AJCC;
import static org.oligotrial.fhir.McodeCodes.ASSESSMENT;
import static org.oligotrial.fhir.McodeCodes.LOINC;
import static org.oligotrial.fhir.McodeCodes.SNOMED;

import java.math.BigDecimal;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Type;

/**
 * Observations: TNM categories (AJCC codes), ECOG, tumor size, the EGFR genomic variant, laboratory values with UCUM
 * units and reference ranges, pregnancy and breast-feeding status, and the clinician's assessments. Of several
 * observations of one kind the latest by effective date wins.
 */
final class ObservationMapping {
  private static final Set<String> T = Set.of("TX", "T0", "Tis", "T1mi", "T1", "T1a", "T1b", "T1c", "T2", "T2a",
      "T2b", "T3", "T4");
  private static final Set<String> N = Set.of("NX", "N0", "N1", "N2", "N3");
  private static final Set<String> M = Set.of("M0", "M1", "M1a", "M1b", "M1c");
  /** AJCC codes as mCODE writes them: an optional prefix (c, p, yc, yp, r, a) before the category. */
  private static final Pattern AJCC_CODE = Pattern.compile("(?:c|p|yc|yp|r|a)?([TNM].*)");

  private final BundleToRecord.Mapping m;
  private final Map<String, Observation> latest = new LinkedHashMap<>();

  ObservationMapping(BundleToRecord.Mapping m) {
    this.m = m;
  }

  void add(Observation o) {
    Observation.ObservationStatus s = o.getStatus();
    if (s == Observation.ObservationStatus.ENTEREDINERROR || s == Observation.ObservationStatus.CANCELLED) {
      return;
    }
    String kind = kind(o);
    if (kind == null) {
      return;
    }
    Observation before = latest.get(kind);
    if (before == null || !date(o).before(date(before))) {
      latest.put(kind, o);
    }
  }

  private static Date date(Observation o) {
    if (o.hasEffectiveDateTimeType()) {
      return o.getEffectiveDateTimeType().getValue();
    }
    if (o.hasEffectivePeriod() && o.getEffectivePeriod().hasStart()) {
      return o.getEffectivePeriod().getStart();
    }
    return o.hasIssued() ? o.getIssued() : new Date(Long.MIN_VALUE);
  }

  private static String kind(Observation o) {
    CodeableConcept code = o.getCode();
    String loinc = BundleToRecord.code(code, LOINC);
    if (loinc != null) {
      switch (loinc) {
        case McodeCodes.ECOG:
          return "ecog";
        case McodeCodes.T_CLINICAL, McodeCodes.T_PATH:
          return "t";
        case McodeCodes.N_CLINICAL, McodeCodes.N_PATH:
          return "n";
        case McodeCodes.M_CLINICAL, McodeCodes.M_PATH:
          return "m";
        case McodeCodes.TUMOR_SIZE:
          return "tumor";
        case McodeCodes.PREGNANCY_STATUS:
          return "pregnant";
        case McodeCodes.BREASTFEEDING:
          return "breastfeeding";
        case McodeCodes.GENETIC_VARIANT:
          return isEgfr(o) ? "egfr" : null;
        default:
          for (Map.Entry<String, String[]> e : McodeCodes.LAB_LOINC.entrySet()) {
            for (String c : e.getValue()) {
              if (c.equals(loinc)) {
                return "lab:" + e.getKey();
              }
            }
          }
          return null;
      }
    }
    String local = BundleToRecord.code(code, ASSESSMENT);
    String field = local == null ? null : McodeCodes.keyOf(McodeCodes.ASSESSMENTS, local);
    return field == null ? null : "assess:" + field;
  }

  private static boolean isEgfr(Observation o) {
    for (Observation.ObservationComponentComponent c : o.getComponent()) {
      if (BundleToRecord.has(c.getCode(), LOINC, McodeCodes.GENE_STUDIED) && c.getValue() instanceof CodeableConcept g
          && BundleToRecord.has(g, McodeCodes.HGNC, McodeCodes.EGFR_HGNC)) {
        return true;
      }
    }
    return false;
  }

  void finish() {
    for (Map.Entry<String, Observation> e : latest.entrySet()) {
      Observation o = e.getValue();
      String kind = e.getKey();
      String loinc = BundleToRecord.code(o.getCode(), LOINC);
      FieldSource src = new FieldSource("Observation", BundleToRecord.id(o), "value",
          loinc != null ? LOINC + "|" + loinc : ASSESSMENT + "|" + BundleToRecord.code(o.getCode(), ASSESSMENT));
      switch (kind) {
        case "ecog" -> ecog(o, src);
        case "t", "n", "m" -> tnm(o, kind, src);
        case "tumor" -> tumor(o, src);
        case "egfr" -> egfr(o, src);
        case "pregnant" -> {
          String v = BundleToRecord.code(o.getValue() instanceof CodeableConcept cc ? cc : null, SNOMED);
          if (McodeCodes.PREGNANT.equals(v) || McodeCodes.NOT_PREGNANT.equals(v)) {
            m.put("pregnant", McodeCodes.PREGNANT.equals(v), src);
          }
        }
        case "breastfeeding" -> {
          if (o.getValue() instanceof BooleanType b && b.getValue() != null) {
            m.put("breastfeeding", b.getValue(), src);
          }
        }
        default -> {
          if (kind.startsWith("lab:")) {
            LabMapping.lab(o, kind.substring(4), m, src);
          } else {
            assessment(o, kind.substring(7), src);
          }
        }
      }
    }
  }

  private void ecog(Observation o, FieldSource src) {
    Type v = o.getValue();
    Integer grade = null;
    if (v instanceof IntegerType i) {
      grade = i.getValue();
    } else if (v instanceof CodeableConcept cc) {
      String answer = BundleToRecord.code(cc, LOINC);
      for (int g = 0; g < McodeCodes.ECOG_ANSWERS.length; g++) {
        if (McodeCodes.ECOG_ANSWERS[g].equals(answer)) {
          grade = g;
        }
      }
    } else if (v == null) {
      return;
    }
    if (grade == null || grade < 0 || grade > 5) {
      throw new BundleMappingException(BundleToRecord.where(o, v instanceof IntegerType ? "valueInteger"
          : "value"), "ECOG performance status must be 0-5 (an integer or a LOINC answer LA9622-7..LA9627-6)");
    }
    m.record.put("ecog", grade);
    m.provenance.put("ecog", src);
  }

  private void tnm(Observation o, String axis, FieldSource src) {
    if (!(o.getValue() instanceof CodeableConcept cc)) {
      return;
    }
    String code = BundleToRecord.code(cc, AJCC);
    if (code == null) {
      return; // a coding this mapping does not read (e.g. SNOMED CT TNM findings) leaves the category unknown
    }
    Matcher mt = AJCC_CODE.matcher(code);
    Set<String> allowed = axis.equals("t") ? T : axis.equals("n") ? N : M;
    String category = mt.matches() ? mt.group(1) : code;
    if (!allowed.contains(category)) {
      throw new BundleMappingException(BundleToRecord.where(o, "valueCodeableConcept"), "AJCC code '" + code
          + "' is no " + axis.toUpperCase() + " category of the 8th edition (" + String.join(" ", new
          java.util.TreeSet<>(allowed)) + ")");
    }
    m.object("staging").put(axis, category);
    m.provenance.put("staging." + axis, new FieldSource(src.resourceType(), src.id(), "valueCodeableConcept",
        src.code() + " = " + AJCC + "|" + code));
  }

  private void tumor(Observation o, FieldSource src) {
    Quantity q = null;
    String element = "valueQuantity";
    for (int i = 0; i < o.getComponent().size(); i++) {
      Observation.ObservationComponentComponent c = o.getComponent().get(i);
      if (BundleToRecord.has(c.getCode(), LOINC, McodeCodes.TUMOR_LONGEST) && c.getValue() instanceof Quantity cq) {
        q = cq;
        element = "component[" + i + "].valueQuantity";
      }
    }
    if (q == null && o.getValue() instanceof Quantity vq) {
      q = vq;
    }
    if (q == null || !q.hasValue()) {
      return;
    }
    String unit = q.hasCode() ? q.getCode() : q.getUnit();
    BigDecimal mm = switch (unit == null ? "" : unit) {
      case "mm" -> q.getValue();
      case "cm" -> q.getValue().movePointRight(1);
      default -> throw new BundleMappingException(BundleToRecord.where(o, element + ".code"), "tumor size unit '"
          + unit + "' is neither mm nor cm (UCUM)");
    };
    m.object("primaryTumor").put("longestDiameterMm", mm);
    m.provenance.put("primaryTumor.longestDiameterMm", new FieldSource("Observation", src.id(), element,
        src.code()));
  }

  private void egfr(Observation o, FieldSource src) {
    String answer = BundleToRecord.code(o.getValue() instanceof CodeableConcept cc ? cc : null, LOINC);
    String egfr = answer == null ? null : switch (answer) {
      case McodeCodes.PRESENT -> "mutant";
      case McodeCodes.ABSENT -> "wild-type";
      case McodeCodes.NO_CALL, McodeCodes.INDETERMINATE -> "unknown";
      default -> throw new BundleMappingException(BundleToRecord.where(o, "valueCodeableConcept"), "LOINC answer '"
          + answer + "' is none of Present LA9633-4, Absent LA9634-2, No call LA18198-4, Indeterminate LA11884-6");
    };
    if (egfr != null) {
      m.record.put("egfr", egfr);
      m.provenance.put("egfr", new FieldSource("Observation", src.id(), "valueCodeableConcept", src.code() + " + "
          + McodeCodes.GENE_STUDIED + " " + McodeCodes.EGFR_HGNC));
    }
  }

  private void assessment(Observation o, String field, FieldSource src) {
    Type v = o.getValue();
    if (field.equals("lifeExpectancyMonths")) {
      if (v instanceof Quantity q && q.hasValue()) {
        String unit = q.hasCode() ? q.getCode() : q.getUnit();
        BigDecimal months = switch (unit == null ? "" : unit) {
          case "mo" -> q.getValue();
          case "a" -> q.getValue().multiply(BigDecimal.valueOf(12));
          default -> throw new BundleMappingException(BundleToRecord.where(o, "valueQuantity.code"),
              "life expectancy unit '" + unit + "' is neither mo nor a (UCUM months, years)");
        };
        m.record.put(field, months);
        m.provenance.put(field, src);
      }
      return;
    }
    if (v instanceof BooleanType b && b.getValue() != null) {
      m.put(field, b.getValue(), src);
    } else if (v != null) {
      throw new BundleMappingException(BundleToRecord.where(o, "value"), "the assessment " + field
          + " needs valueBoolean");
    }
  }

}
