package org.oligotrial.server.web.tumour;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.recist.BaselineLesion;
import org.oligotrial.recist.InvalidRecistDataException;
import org.oligotrial.recist.TumourAssessments;
import org.oligotrial.recist.TumourJson;
import org.oligotrial.server.datacapture.forms.FormFacts;
import org.oligotrial.server.datacapture.forms.StoredForm;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a follow-up page is pre-filled from: the participant's baseline lesions, the measures of the assessment before
 * it, and the new lesions recorded at earlier assessments (each as last recorded), read from the stored forms by the
 * core's {@link TumourJson} ({@link TumourAssessments#newLesionsRecorded()}).
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
    if (baselines.isEmpty()) {
      return new TumourHistory(null, List.of(), List.of(), Map.of(), List.of());
    }
    ObjectNode doc = BaselineForm.JSON.createObjectNode();
    doc.set("baseline", FormFacts.structured(baselines.get(0)));
    ArrayNode list = doc.putArray("assessments");
    for (StoredForm a : facts.ofType(AssessmentController.TYPE)) {
      if (self == null || !a.id().equals(self.id()) && a.formDate().isBefore(self.formDate())) {
        list.add(FormFacts.structured(a));
      }
    }
    TumourAssessments read;
    try {
      read = TumourJson.read(doc);
    } catch (InvalidRecistDataException e) {
      // stored forms were checked on saving; should they no longer read, the page offers no lesion and the live
      // panel (the form service's preview) says why
      return new TumourHistory(baselines.get(0).id(), List.of(), List.of(), Map.of(), List.of());
    }
    List<Lesion> targets = new ArrayList<>();
    List<Lesion> nonTargets = new ArrayList<>();
    for (BaselineLesion l : read.lesions()) {
      Lesion x = new Lesion(l.id(), l.siteName(), l.nodal(), l.mm() == null ? "" : l.mm().stripTrailingZeros()
          .toPlainString());
      (l.target() ? targets : nonTargets).add(x);
    }
    Map<String, String> previous = new LinkedHashMap<>();
    if (!read.followUps().isEmpty()) {
      read.followUps().get(read.followUps().size() - 1).targets().forEach((id, mm) -> previous.put(id,
          mm == null ? "NE" : mm.stripTrailingZeros().toPlainString() + " mm"));
    }
    // the core's list: every new lesion recorded so far, as last recorded, in the order first seen
    List<AssessmentForm.NewRow> earlier = read.newLesionsRecorded().stream()
        .map(n -> new AssessmentForm.NewRow(n.id(), n.site().code(), n.siteText() == null ? "" : n.siteText(),
            n.equivocal() ? "equivocal" : "unequivocal"))
        .toList();
    return new TumourHistory(baselines.get(0).id(), targets, nonTargets, previous, earlier);
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
