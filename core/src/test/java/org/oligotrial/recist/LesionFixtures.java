package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builders of hand-made structured tumour assessments: baseline lesions measured on CT with 5 mm slices unless said
 * otherwise, follow-ups by day offset from a baseline date.
 */
public final class LesionFixtures {
  private LesionFixtures() {}

  public static BigDecimal mm(String v) {
    return new BigDecimal(v);
  }

  /** A target on CT (slices not recorded, so 5 mm or less). */
  public static BaselineLesion target(String id, LesionSite site, String mm, LesionRole role) {
    return new BaselineLesion(id, true, site, site == LesionSite.OTHER ? "spleen" : null, site.node(), mm(mm),
        ImagingMethod.CT, null, role);
  }

  /** A non-target on CT, not measured. */
  public static BaselineLesion nonTarget(String id, LesionSite site, LesionRole role) {
    return new BaselineLesion(id, false, site, site == LesionSite.OTHER ? "spleen" : null, site.node(), null,
        ImagingMethod.CT, null, role);
  }

  /** A follow-up under construction. */
  public static final class FollowUp {
    private final LocalDate date;
    private final Map<String, BigDecimal> targets = new LinkedHashMap<>();
    private final Map<String, NonTargetStatus> nonTargets = new LinkedHashMap<>();
    private final List<NewLesion> newLesions = new ArrayList<>();

    FollowUp(LocalDate date) {
      this.date = date;
    }

    /** Target measures as id, mm pairs; a null mm is "not evaluable". */
    public FollowUp targets(String... idMm) {
      for (int i = 0; i < idMm.length; i += 2) {
        targets.put(idMm[i], idMm[i + 1] == null ? null : mm(idMm[i + 1]));
      }
      return this;
    }

    public FollowUp nonTarget(String id, NonTargetStatus status) {
      nonTargets.put(id, status);
      return this;
    }

    public FollowUp newLesion(String id, LesionSite site, boolean equivocal) {
      newLesions.add(new NewLesion(id, site, site == LesionSite.OTHER ? "spleen" : null, equivocal));
      return this;
    }

    public FollowUpAssessment build() {
      return new FollowUpAssessment(date, targets, nonTargets, newLesions);
    }
  }

  public static FollowUp on(LocalDate baseline, int day) {
    return new FollowUp(baseline.plusDays(day));
  }

  public static TumourAssessments assessments(LocalDate baseline, List<BaselineLesion> lesions, FollowUp... followUps) {
    List<FollowUpAssessment> list = new ArrayList<>();
    for (FollowUp f : followUps) {
      list.add(f.build());
    }
    return new TumourAssessments(baseline, lesions, list);
  }
}
