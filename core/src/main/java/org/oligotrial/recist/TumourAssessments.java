package org.oligotrial.recist;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A participant's structured tumour assessments: the baseline lesions and every follow-up assessment, the input of
 * {@link TumourEvaluator}. The same structure is read from JSON by {@link RecistJson} (schema:
 * docs/schema/recist-input.schema.json).
 *
 * @param baselineDate date of the baseline scan
 * @param lesions baseline lesions, targets and non-targets, in the order listed
 * @param followUps follow-up assessments in date order (may be empty)
 */
public record TumourAssessments(LocalDate baselineDate, List<BaselineLesion> lesions, List<FollowUpAssessment> followUps) {
  /** Copies the lists. @throws NullPointerException if an argument or element is null */
  public TumourAssessments {
    Objects.requireNonNull(baselineDate, "baselineDate");
    lesions = List.copyOf(lesions);
    followUps = List.copyOf(followUps);
  }

  /** The baseline lesion with that id, or null. */
  public BaselineLesion lesion(String id) {
    return lesions.stream().filter(l -> l.id().equals(id)).findFirst().orElse(null);
  }

  /**
   * What a new follow-up is pre-filled with besides the baseline lesions: every new lesion recorded so far, as last
   * recorded (so an equivocal lesion is offered again with its id and site, to be confirmed or not), in the order
   * first seen.
   */
  public List<NewLesion> newLesionsRecorded() {
    java.util.Map<String, NewLesion> last = new java.util.LinkedHashMap<>();
    followUps.forEach(f -> f.newLesions().forEach(n -> last.put(n.id(), n)));
    return List.copyOf(last.values());
  }

  /** The baseline in the form {@link RecistEvaluator} reads (organs grouped as {@link LesionSite#organ(String)}). */
  public Baseline toBaseline() {
    List<TargetLesion> targets = lesions.stream().filter(BaselineLesion::target)
        .map(l -> new TargetLesion(l.id(), l.organ(), l.nodal(), l.mm() == null ? java.math.BigDecimal.ZERO : l.mm()))
        .toList();
    List<NonTargetLesion> nonTargets = lesions.stream().filter(l -> !l.target())
        .map(l -> new NonTargetLesion(l.id(), l.organ()))
        .toList();
    return new Baseline(baselineDate, targets, nonTargets);
  }
}
