package org.oligotrial.server.web.tumour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import tools.jackson.databind.JsonNode;

/**
 * What a follow-up page is pre-filled from: the participant's baseline lesions, the measures of the assessment before
 * it, and the new lesions recorded at earlier assessments (each as last recorded), read from the stored forms.
 *
 * @param baselineFormId the baseline form, or null when there is none yet
 * @param targets baseline target lesions, in baseline order
 * @param nonTargets baseline non-target lesions, in baseline order
 * @param previous the measures of the latest earlier assessment: target id to mm text ("NE" when not evaluable)
 * @param earlierNew new lesions recorded at earlier assessments, by id in first-seen order, as last recorded
 */
public record TumourHistory(String baselineFormId, List<Lesion> targets, List<Lesion> nonTargets,
    Map<String, String> previous, List<AssessmentForm.NewRow> earlierNew) {

  /** A baseline lesion as the follow-up page shows it. */
  public record Lesion(String id, String site, boolean nodal, String baselineMm) {}

  /**
   * @param forms the participant's forms
   * @param self the assessment being changed (it and later ones are not "earlier"), or null for a new one
   */
  static TumourHistory of(List<StoredForm> forms, StoredForm self) {
    FormFacts facts = new FormFacts(forms);
    List<StoredForm> baselines = facts.ofType(BaselineController.TYPE);
    List<Lesion> targets = new ArrayList<>();
    List<Lesion> nonTargets = new ArrayList<>();
    String baselineId = null;
    if (!baselines.isEmpty()) {
      baselineId = baselines.get(0).id();
      for (JsonNode l : FormFacts.structured(baselines.get(0)).path("lesions")) {
        Lesion x = new Lesion(l.path("id").asString(""), Lesions.siteLabel(l.path("site").asString(""),
            l.path("siteText").asString("")), l.path("nodal").asBoolean(false), BaselineForm.plain(l.path("mm")));
        ("non-target".equals(l.path("type").asString("")) ? nonTargets : targets).add(x);
      }
    }
    Map<String, String> previous = new LinkedHashMap<>();
    Map<String, AssessmentForm.NewRow> earlier = new LinkedHashMap<>();
    for (StoredForm a : facts.ofType(AssessmentController.TYPE)) {
      if (self != null && (a.id().equals(self.id()) || !a.formDate().isBefore(self.formDate()))) {
        continue;
      }
      JsonNode v = FormFacts.structured(a);
      previous.clear();
      v.path("targets").properties().forEach(e -> previous.put(e.getKey(),
          e.getValue().isNull() || e.getValue().isString() ? "NE" : BaselineForm.plain(e.getValue()) + " mm"));
      for (AssessmentForm.NewRow r : AssessmentForm.newRows(v)) {
        earlier.put(r.id(), r);
      }
    }
    return new TumourHistory(baselineId, targets, nonTargets, previous, new ArrayList<>(earlier.values()));
  }

  List<String> targetIds() {
    return targets.stream().map(Lesion::id).toList();
  }

  List<String> nonTargetIds() {
    return nonTargets.stream().map(Lesion::id).toList();
  }

  /** Every lesion id in use (baseline and earlier new lesions), for the next new-lesion id. */
  List<String> usedIds() {
    List<String> out = new ArrayList<>(targetIds());
    out.addAll(nonTargetIds());
    earlierNew.forEach(r -> out.add(r.id()));
    return out;
  }
}
