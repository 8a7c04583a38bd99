package org.oligotrial.server.randomization;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oligotrial.randomization.StratificationFacts;
import org.oligotrial.randomization.ThoracicStage;
import org.oligotrial.treatment.EgfrStatus;
import org.oligotrial.treatment.Histology;
import org.oligotrial.treatment.RandomizationBlockedException;
import org.oligotrial.treatment.TreatmentPlanner;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the facts the stratification factors and the treatment plan need from a stored screening record (the JSON
 * format of {@code docs/schema/screening-record.schema.json}): {@code diagnosis.histology}, {@code egfr}, {@code
 * intracranialMetastasis} (the screening question; the coded {@code metastases[].site} for records stored before it),
 * {@code metastases[].lesions}, {@code staging.t} and {@code staging.n}. Every fact that blocks
 * randomization is reported with its field, not only the first. Stateless and thread-safe.
 */
final class ScreeningFacts {
  /**
   * The metastasis-site codes of protocols/nct03119519.yaml that are intracranial (its record check RC1 ties the
   * intracranialMetastasis answer to them); used for records stored before that question existed.
   */
  private static final List<String> CNS_METASTASIS_SITES = List.of("brain", "leptomeninges");

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ScreeningFacts() {}

  /** Why a participant cannot be randomized: the screening field and a message for the investigator. */
  record Blocker(String field, String message) {}

  /**
   * The facts, or the reasons they cannot be told.
   *
   * @param facts the facts; null when {@code blockers} is not empty
   * @param blockers every reason found, in field order
   */
  record Reading(StratificationFacts facts, List<Blocker> blockers) {
    Reading {
      blockers = List.copyOf(blockers);
    }
  }

  static Reading read(String recordJson) {
    JsonNode r;
    try {
      r = JSON.readTree(recordJson);
    } catch (JacksonException e) {
      return new Reading(null, List.of(new Blocker("screeningRecord", "the stored screening record is not JSON")));
    }
    List<Blocker> blockers = new ArrayList<>();
    Histology histology = histology(text(r.path("diagnosis").path("histology")), blockers);
    EgfrStatus egfr = egfr(text(r.path("egfr")), blockers);
    if (egfr != null) {
      try {
        // whether the EGFR result allows a regimen does not depend on the histology
        TreatmentPlanner.regimen(egfr, histology == null ? Histology.ADENOCARCINOMA : histology);
      } catch (RandomizationBlockedException e) {
        blockers.add(new Blocker("screeningRecord.egfr", e.getMessage()));
      }
    }
    boolean brain = false;
    int lesions = 0;
    JsonNode mets = r.path("metastases");
    if (!mets.isArray()) {
      blockers.add(new Blocker("screeningRecord.metastases", "the metastases are not recorded"));
    } else {
      for (JsonNode m : mets) {
        String site = text(m.path("site"));
        JsonNode n = m.path("lesions");
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 1) {
          blockers.add(new Blocker("screeningRecord.metastases.lesions",
              "the number of lesions at " + (site == null ? "a site" : site) + " is not recorded"));
          continue;
        }
        lesions += Math.min(n.asInt(), 1000);
        brain |= site != null && CNS_METASTASIS_SITES.contains(site.trim().toLowerCase(Locale.ROOT));
      }
      if (lesions < 1 || lesions > 5) {
        blockers.add(new Blocker("screeningRecord.metastases", "number of metastatic lesions is " + lesions
            + ": the trial randomizes 1 to 5 synchronous metastases"));
      }
    }
    // The screening question decides; a record stored before the question existed falls back to its coded sites
    // (the record reader refuses an answer that contradicts them, so both agree wherever both are present).
    JsonNode intracranial = r.path("intracranialMetastasis");
    if (intracranial.isBoolean()) {
      brain = intracranial.booleanValue();
    }
    String t = text(r.path("staging").path("t"));
    String n = text(r.path("staging").path("n"));
    if (t == null || n == null) {
      blockers.add(new Blocker("screeningRecord.staging", "the T and N categories are needed for the thoracic stage"));
    } else {
      try {
        ThoracicStage.of(t, n);
      } catch (RandomizationBlockedException | IllegalArgumentException e) {
        blockers.add(new Blocker("screeningRecord.staging", e.getMessage()));
      }
    }
    if (!blockers.isEmpty()) {
      return new Reading(null, blockers);
    }
    return new Reading(new StratificationFacts(histology, egfr, brain, lesions, t, n), List.of());
  }

  private static Histology histology(String code, List<Blocker> blockers) {
    String f = "screeningRecord.diagnosis.histology";
    if (code == null) {
      blockers.add(new Blocker(f, "the histology is not recorded"));
      return null;
    }
    switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "squamous":
        return Histology.SQUAMOUS;
      case "adenocarcinoma":
        return Histology.ADENOCARCINOMA;
      case "large-cell", "nsclc-nos", "other":
        return Histology.OTHER_NON_SQUAMOUS;
      default:
        blockers.add(new Blocker(f, "histology '" + code + "' is not non-small-cell lung cancer"));
        return null;
    }
  }

  private static EgfrStatus egfr(String code, List<Blocker> blockers) {
    if (code == null) {
      return EgfrStatus.UNKNOWN;
    }
    switch (code.trim().toLowerCase(Locale.ROOT)) {
      case "mutant":
        return EgfrStatus.MUTANT;
      case "wild-type":
        return EgfrStatus.WILD_TYPE;
      case "unknown":
        return EgfrStatus.UNKNOWN;
      default:
        blockers.add(new Blocker("screeningRecord.egfr", "EGFR status '" + code + "' is not mutant or wild-type"));
        return null;
    }
  }

  private static String text(JsonNode n) {
    return n != null && n.isString() && !n.asString().isBlank() ? n.asString() : null;
  }
}
