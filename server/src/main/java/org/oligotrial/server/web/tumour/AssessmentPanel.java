package org.oligotrial.server.web.tumour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The live panel of a follow-up assessment: what saving it would derive (the form service's preview: sum of
 * diameters, change from baseline and from the nadir, target, non-target and overall response, best response so
 * far, progression date), or why it cannot be evaluated yet, with each message also kept at the lesion it names.
 *
 * @param ready true when the assessment could be evaluated
 * @param sum sum of the measured target diameters in mm, "-" without targets
 * @param changeFromBaseline e.g. "-30.0%"
 * @param nadir the nadir in mm
 * @param changeFromNadir e.g. "+38.7%"
 * @param target target response, "-" without targets
 * @param nonTarget non-target response
 * @param overall overall response
 * @param best best overall response up to this assessment
 * @param progressionDate the date of first progression, or "-"
 * @param problems every message, with the anchor of the lesion it concerns
 * @param byLesion lesion id to its messages
 */
public record AssessmentPanel(boolean ready, String sum, String changeFromBaseline, String nadir, String changeFromNadir,
    String target, String nonTarget, String overall, String best, String progressionDate,
    List<BaselineCheck.Problem> problems, Map<String, List<String>> byLesion) {

  static AssessmentPanel of(JsonNode derived, Map<String, List<String>> byLesion) {
    List<BaselineCheck.Problem> problems = problems(byLesion);
    return new AssessmentPanel(problems.isEmpty(), mm(derived.path("sumMm")), pct(derived.path("changeFromBaselinePct")),
        mm(derived.path("nadirMm")), pct(derived.path("changeFromNadirPct")), text(derived.path("targetResponse")),
        text(derived.path("nonTargetResponse")), text(derived.path("overallResponse")),
        text(derived.path("bestOverallResponse")), text(derived.path("progressionDate")), problems, byLesion);
  }

  /** A panel that cannot show responses yet: the messages say why. */
  static AssessmentPanel notReady(Map<String, List<String>> byLesion, String general) {
    List<BaselineCheck.Problem> problems = new ArrayList<>();
    if (general != null) {
      problems.add(new BaselineCheck.Problem("#crf", general));
    }
    problems.addAll(problems(byLesion));
    return new AssessmentPanel(false, "-", "-", "-", "-", "-", "-", "-", "-", "-", problems, byLesion);
  }

  private static List<BaselineCheck.Problem> problems(Map<String, List<String>> byLesion) {
    List<BaselineCheck.Problem> out = new ArrayList<>();
    byLesion.forEach((id, list) -> list.forEach(t -> out.add(new BaselineCheck.Problem("#msg-" + id, t))));
    return out;
  }

  static Map<String, List<String>> empty(List<String> ids) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    ids.forEach(id -> m.put(id, new ArrayList<>()));
    return m;
  }

  private static String mm(JsonNode n) {
    return n.isNumber() ? n.decimalValue().stripTrailingZeros().toPlainString() + " mm" : "-";
  }

  private static String pct(JsonNode n) {
    return n.isNumber() ? String.format(Locale.ROOT, "%+.1f%%", n.doubleValue()) : "-";
  }

  private static String text(JsonNode n) {
    return n.isString() && !n.asString().isEmpty() ? n.asString() : "-";
  }
}
