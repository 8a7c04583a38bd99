package org.oligotrial.eligibility;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** Accessors from a {@link org.oligotrial.protocol.RecordFields} path to the value in a {@link ScreeningRecord}. */
final class Fields {
  private Fields() {}

  static Function<ScreeningRecord, BigDecimal> number(String path) {
    return switch (path) {
      case "ecog" -> r -> r.ecog() == null ? null : BigDecimal.valueOf(r.ecog());
      case "lifeExpectancyMonths" -> ScreeningRecord::lifeExpectancyMonths;
      case "primaryTumor.longestDiameterMm" ->
          r -> r.primaryTumor() == null ? null : r.primaryTumor().longestDiameterMm();
      default -> throw new IllegalArgumentException("no numeric field " + path);
    };
  }

  static Function<ScreeningRecord, String> text(String path) {
    return switch (path) {
      case "id" -> ScreeningRecord::id;
      case "sex" -> ScreeningRecord::sex;
      case "egfr" -> ScreeningRecord::egfr;
      case "diagnosis.histology" -> r -> r.diagnosis() == null ? null : r.diagnosis().histology();
      case "diagnosis.confirmation" -> r -> r.diagnosis() == null ? null : r.diagnosis().confirmation();
      case "staging.t" -> r -> r.staging() == null ? null : r.staging().t();
      case "staging.n" -> r -> r.staging() == null ? null : r.staging().n();
      case "staging.m" -> r -> r.staging() == null ? null : r.staging().m();
      default -> throw new IllegalArgumentException("no text field " + path);
    };
  }

  static Function<ScreeningRecord, Boolean> flag(String path) {
    return switch (path) {
      case "pregnant" -> ScreeningRecord::pregnant;
      case "breastfeeding" -> ScreeningRecord::breastfeeding;
      case "canTolerateSystemicTherapy" -> ScreeningRecord::canTolerateSystemicTherapy;
      case "otherMalignancy" -> ScreeningRecord::otherMalignancy;
      case "uncontrolledSeriousDisease" -> ScreeningRecord::uncontrolledSeriousDisease;
      case "expectedToComplete" -> ScreeningRecord::expectedToComplete;
      case "consentSigned" -> ScreeningRecord::consentSigned;
      case "intracranialMetastasis" -> ScreeningRecord::intracranialMetastasis;
      default -> throw new IllegalArgumentException("no yes/no field " + path);
    };
  }

  /** The items of a list field (or of the list holding an item field), null when unknown. */
  static Function<ScreeningRecord, List<?>> items(String listPath) {
    return switch (listPath) {
      case "metastases" -> ScreeningRecord::metastases;
      case "priorTreatments" -> ScreeningRecord::priorTreatments;
      case "allergies" -> ScreeningRecord::allergies;
      default -> throw new IllegalArgumentException("no list field " + listPath);
    };
  }

  /** The text of one item for a text-list path (the item itself for a list of text). */
  static Function<Object, String> itemText(String path) {
    return switch (path) {
      case "allergies" -> o -> (String) o;
      case "metastases.site" -> o -> ((ScreeningRecord.Metastasis) o).site();
      case "metastases.text" -> o -> ((ScreeningRecord.Metastasis) o).text();
      case "priorTreatments.type" -> o -> ((ScreeningRecord.PriorTreatment) o).type();
      default -> throw new IllegalArgumentException("no text-list field " + path);
    };
  }

  /** The number of one item for an item-number path. */
  static Function<Object, BigDecimal> itemNumber(String path) {
    if (path.equals("metastases.lesions")) {
      return o -> {
        Integer n = ((ScreeningRecord.Metastasis) o).lesions();
        return n == null ? null : BigDecimal.valueOf(n);
      };
    }
    throw new IllegalArgumentException("no item-number field " + path);
  }

  /** The list part of a dotted item path: {@code metastases.site} gives {@code metastases}. */
  static String listOf(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  /** The item part of a dotted item path, or null for a plain list. */
  static String itemField(String path) {
    int dot = path.indexOf('.');
    return dot < 0 ? null : path.substring(dot + 1);
  }
}
