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
import org.oligotrial.recist.BaselineFinding;
import org.oligotrial.recist.BaselineLesion;
import org.oligotrial.recist.BaselineRules;
import org.oligotrial.recist.InvalidRecistDataException;
import org.oligotrial.recist.RecistEvaluation;
import org.oligotrial.recist.TumourAssessments;
import org.oligotrial.recist.TumourEvaluation;
import org.oligotrial.recist.TumourEvaluator;
import org.oligotrial.recist.TumourJson;
import org.oligotrial.server.kernel.InvalidFieldException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Values the system derives from entered ones, never typed: BED and EQD2 of a radiotherapy course (linear-quadratic
 * model, alpha/beta 10 and 3 Gy, {@link LinearQuadratic}) and the RECIST 1.1 responses of tumour assessments
 * ({@link TumourEvaluator} over the baseline form and every assessment form). Stateless and thread-safe.
 */
public final class Derivations {
  private static final Pattern ASSESSMENT_PATH = Pattern.compile("^assessments\\[(\\d+)]\\.(.*)$");
  /** The follow-up checks of the core name the assessment with its date: {@code assessments[1] (2024-05-02): newLesions: ...}. */
  private static final Pattern DATED_ASSESSMENT =
      Pattern.compile("^assessments\\[(\\d+)] \\([0-9-]+\\): (\\w+): (.*)$", Pattern.DOTALL);

  private Derivations() {}

  /**
   * BED and EQD2 (Gy, 2 decimals) of a radiotherapy form, or null when no fraction was delivered or the dose or the
   * fractions hold a missing-data code.
   */
  public static ObjectNode radiotherapy(JsonNode values) {
    if (!values.path("totalDoseGy").isNumber() || !values.path("fractions").isNumber()) {
      return null;
    }
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
   * The RECIST evaluation of a participant's tumour forms: the structured lesions read by the core's
   * {@link TumourJson} and evaluated by {@link TumourEvaluator} (the baseline rules of {@link BaselineRules},
   * sums, responses, equivocal back-dating, progression by lesion).
   *
   * @param baseline the baseline form's values (structured)
   * @param assessments the assessment forms' values (structured), in date order
   * @param current index in {@code assessments} of the form being saved, -1 when the baseline is saved, or
   *     {@code -2} when none is: the problems of the form being saved name its field {@code values.*}
   * @throws InvalidFieldException naming the field when the lesions contradict RECIST or the baseline
   */
  public static TumourEvaluation recist(JsonNode baseline, List<JsonNode> assessments, int current, int minSdDays) {
    ObjectNode doc = FormValidator.JSON.createObjectNode();
    doc.set("baseline", baseline.deepCopy());
    ArrayNode list = doc.putArray("assessments");
    assessments.forEach(a -> list.add(a.deepCopy()));
    TumourAssessments in;
    try {
      in = TumourJson.read(doc);
    } catch (InvalidRecistDataException e) {
      throw refused(e.getMessage(), current);
    }
    if (current == -1) {
      // the baseline being saved: the first broken rule, at its lesion (every finding is shown by the web editor)
      List<BaselineLesion> lesions = in.lesions();
      for (BaselineFinding f : BaselineRules.check(lesions)) {
        if (f.error()) {
          int i = f.lesionId() == null ? -1 : indexOf(lesions, f.lesionId());
          throw new InvalidFieldException(i < 0 ? "values.lesions" : "values.lesions[" + i + "]", f.message());
        }
      }
    }
    try {
      return new TumourEvaluator(minSdDays).evaluate(in);
    } catch (InvalidRecistDataException e) {
      throw refused(e.getMessage(), current);
    }
  }

  private static int indexOf(List<BaselineLesion> lesions, String id) {
    for (int i = 0; i < lesions.size(); i++) {
      if (lesions.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** The core's message as a refusal naming the field of the form being saved, when the problem is in it. */
  private static InvalidFieldException refused(String msg, int current) {
    Matcher dated = DATED_ASSESSMENT.matcher(msg);
    if (dated.matches() && Integer.parseInt(dated.group(1)) == current) {
      return new InvalidFieldException("values." + dated.group(2), dated.group(3));
    }
    int colon = msg.indexOf(": ");
    String path = colon < 0 ? "" : msg.substring(0, colon);
    String rest = colon < 0 ? msg : msg.substring(colon + 2);
    Matcher m = ASSESSMENT_PATH.matcher(path);
    if (m.matches() && Integer.parseInt(m.group(1)) == current) {
      return new InvalidFieldException("values." + m.group(2), rest);
    }
    if (current >= 0 && path.equals("assessments[" + current + "]")) {
      return new InvalidFieldException("values", rest);
    }
    if (path.startsWith("baseline.") && current == -1) {
      return new InvalidFieldException("values." + path.substring("baseline.".length()), rest);
    }
    if (path.equals("baseline") && current == -1) {
      return new InvalidFieldException("values.lesions", rest);
    }
    return new InvalidFieldException("values", "inconsistent with the participant's other tumour forms: " + msg);
  }

  /** The derived values of one assessment: its time-point response and the sums behind it. */
  public static ObjectNode assessment(TumourEvaluation tumours, LocalDate date) {
    RecistEvaluation ev = tumours.recist();
    ObjectNode o = FormValidator.JSON.createObjectNode();
    for (AssessmentResult r : ev.assessments()) {
      if (r.date().equals(date)) {
        o.put("overallResponse", r.overall().label());
        o.put("targetResponse", r.target() == null ? null : r.target().label());
        o.put("nonTargetResponse", r.nonTarget().label());
        o.put("sumMm", r.sum());
        o.put("changeFromBaselinePct", r.changeFromBaselinePct() == null ? null : round(r.changeFromBaselinePct()));
        o.put("nadirMm", r.nadir());
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
