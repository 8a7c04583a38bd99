package org.oligotrial.server.datacapture.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.radiotherapy.DoseEquivalents;
import org.oligotrial.radiotherapy.LinearQuadratic;
import org.oligotrial.recist.AssessmentResult;
import org.oligotrial.recist.InvalidRecistDataException;
import org.oligotrial.recist.RecistEvaluation;
import org.oligotrial.recist.RecistEvaluator;
import org.oligotrial.recist.RecistInput;
import org.oligotrial.recist.RecistJson;
import org.oligotrial.server.register.InvalidFieldException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values the system derives from entered ones, never typed: BED and EQD2 of a radiotherapy course (linear-quadratic
 * model, alpha/beta 10 and 3 Gy, {@link LinearQuadratic}) and the RECIST 1.1 responses of tumour assessments
 * ({@link RecistEvaluator} over the baseline form and every assessment form). Stateless and thread-safe.
 */
public final class Derivations {
  private static final Pattern ASSESSMENT_PATH = Pattern.compile("^assessments\\[(\\d+)]\\.(.*)$");

  private Derivations() {}

  /** BED and EQD2 (Gy, 2 decimals) of a radiotherapy form, or null when no fraction was delivered. */
  public static ObjectNode radiotherapy(JsonNode values) {
    BigDecimal dose = values.get("totalDoseGy").decimalValue();
    int n = values.get("fractions").intValue();
    if (n < 1 || dose.signum() <= 0) {
      return null;
    }
    DoseEquivalents e = LinearQuadratic.equivalents(dose.doubleValue(), n);
    ObjectNode o = FormValidator.JSON.createObjectNode();
    o.put("dosePerFractionGy", round(e.schedule().dosePerFractionGy()));
    o.put("bed10Gy", round(e.bed10()));
    o.put("eqd2Alpha10Gy", round(e.eqd2Of10()));
    o.put("bed3Gy", round(e.bed3()));
    o.put("eqd2Alpha3Gy", round(e.eqd2Of3()));
    return o;
  }

  /**
   * The RECIST evaluation of a participant's tumour forms.
   *
   * @param baseline the baseline form's values
   * @param assessments the assessment forms' values, any order
   * @param current index in {@code assessments} of the form being saved, or -1: its problems name {@code values.*}
   * @throws InvalidFieldException naming the field when the lesions contradict RECIST or the baseline
   */
  public static RecistEvaluation recist(JsonNode baseline, List<JsonNode> assessments, int current, int minSdDays) {
    ObjectNode doc = FormValidator.JSON.createObjectNode();
    doc.set("baseline", baseline.deepCopy());
    ArrayNode list = doc.putArray("assessments");
    assessments.forEach(a -> list.add(a.deepCopy()));
    try {
      RecistInput in = RecistJson.read(doc.toString());
      return new RecistEvaluator(minSdDays).evaluate(in.baseline(), in.assessments());
    } catch (InvalidRecistDataException e) {
      String msg = e.getMessage();
      int colon = msg.indexOf(": ");
      String path = colon < 0 ? "" : msg.substring(0, colon);
      String rest = colon < 0 ? msg : msg.substring(colon + 2);
      Matcher m = ASSESSMENT_PATH.matcher(path);
      if (m.matches() && Integer.parseInt(m.group(1)) == current) {
        throw new InvalidFieldException("values." + m.group(2), rest);
      }
      if (path.startsWith("baseline.") && current < 0) {
        throw new InvalidFieldException("values." + path.substring("baseline.".length()), rest);
      }
      throw new InvalidFieldException("values", "inconsistent with the participant's other tumour forms: " + msg);
    }
  }

  /** The derived values of one assessment: its time-point response and the sums behind it. */
  public static ObjectNode assessment(RecistEvaluation ev, LocalDate date) {
    ObjectNode o = FormValidator.JSON.createObjectNode();
    for (AssessmentResult r : ev.assessments()) {
      if (r.date().equals(date)) {
        o.put("overallResponse", r.overall().label());
        o.put("targetResponse", r.target() == null ? null : r.target().label());
        o.put("nonTargetResponse", r.nonTarget().label());
        o.put("sumMm", r.sum());
        o.put("changeFromBaselinePct", r.changeFromBaselinePct() == null ? null : round(r.changeFromBaselinePct()));
        o.put("changeFromNadirPct", r.changeFromNadirPct() == null ? null : round(r.changeFromNadirPct()));
      }
    }
    o.put("bestOverallResponse", ev.bestOverallResponse().label());
    o.put("progressionDate", ev.progressionDate() == null ? null : ev.progressionDate().toString());
    return o;
  }

  private static BigDecimal round(double v) {
    return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_EVEN);
  }
}
