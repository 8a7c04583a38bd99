package org.oligotrial.recist;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Attributes progression to lesions. At each follow-up assessment, in this order:
 *
 * <ol>
 *   <li>a target lesion progresses when its measure {@code m} exceeds its own smallest earlier measure {@code n}
 *       (baseline and prior assessments) by at least 20% and at least 5 mm: {@code m - n >= 0.2 n} and
 *       {@code m - n >= 5 mm} (RECIST 1.1's target rule applied to one lesion, as SABR trials define local
 *       progression of a treated lesion);
 *   <li>when the target response is PD (the sum rule) and no target meets rule 1, the targets whose measure is above
 *       their measure at the nadir (the baseline or the assessment whose sum is the nadir) share it;
 *   <li>a non-target lesion recorded as unequivocal progression progresses;
 *   <li>when the overall response is PD because lesions reappeared right after a complete response, the lesions seen
 *       again progress;
 *   <li>an unequivocal new lesion progresses; if the same lesion (same id) was recorded as equivocal at the
 *       immediately preceding assessments, its date is the first of them (section 4.3.2).
 * </ol>
 *
 * A lesion is listed once, at its first progression. The <em>sites of the first progression</em> are the lesion
 * progressions dated on the RECIST progression date; when none is (an equivocal run confirmed by a different new
 * lesion), those of the first later assessment that has any.
 *
 * Stateless and thread-safe.
 */
final class LesionAttribution {
  private static final BigDecimal FIVE = new BigDecimal("5");

  private LesionAttribution() {}

  static List<LesionProgression> attribute(TumourAssessments input, RecistEvaluation recist) {
    List<BaselineLesion> targets = input.lesions().stream().filter(BaselineLesion::target).toList();
    Map<String, BigDecimal> smallest = new HashMap<>();
    Map<String, BigDecimal> atNadir = new HashMap<>();
    targets.forEach(t -> {
      smallest.put(t.id(), t.mm());
      atNadir.put(t.id(), t.mm());
    });
    BigDecimal nadirSum = recist.baselineSum();
    Map<String, LesionProgression> first = new LinkedHashMap<>();
    // consecutive equivocal records of a new lesion, up to the previous assessment: id -> first date of the run
    Map<String, LocalDate> equivocalSince = new HashMap<>();
    List<FollowUpAssessment> followUps = input.followUps();
    for (int i = 0; i < followUps.size(); i++) {
      FollowUpAssessment a = followUps.get(i);
      AssessmentResult r = recist.assessments().get(i);
      List<LesionProgression> found = new ArrayList<>();
      boolean anyTarget = false;
      for (BaselineLesion t : targets) {
        BigDecimal m = a.targets().get(t.id());
        BigDecimal n = smallest.get(t.id());
        if (m == null) {
          continue;
        }
        BigDecimal rise = m.subtract(n);
        // rule 1: m - n >= 5 mm and 5 (m - n) >= n, i.e. at least 20% above the lesion's own smallest measure
        if (rise.compareTo(FIVE) >= 0 && rise.multiply(FIVE).compareTo(n) >= 0) {
          found.add(of(t, a.date(), t.id() + " (" + t.siteName() + "): " + mm(m) + ", " + mm(rise) + " ("
              + pct(rise, n) + ") above its smallest measure " + mm(n)));
          anyTarget = true;
        }
      }
      if (r.target() == TargetResponse.PD && !anyTarget) {
        // rule 2: the sum progressed without a single lesion doing so; the lesions that grew since the nadir share it
        for (BaselineLesion t : targets) {
          BigDecimal m = a.targets().get(t.id());
          if (m != null && m.compareTo(atNadir.get(t.id())) > 0) {
            found.add(of(t, a.date(), t.id() + " (" + t.siteName() + "): " + mm(m) + ", up from " + mm(atNadir.get(t.id()))
                + " at the nadir; the sum of diameters progressed"));
          }
        }
      }
      for (BaselineLesion l : input.lesions()) {
        if (!l.target() && a.nonTargets().get(l.id()) == NonTargetStatus.PROGRESSION) {
          found.add(of(l, a.date(), l.id() + " (" + l.siteName() + "): unequivocal progression of a non-target lesion"));
        }
      }
      if (r.reappearedAfterCr()) {
        for (BaselineLesion l : input.lesions()) {
          if (TumourEvaluator.seenAgain(l, a)) {
            found.add(of(l, a.date(), l.id() + " (" + l.siteName() + "): seen again after a complete response"));
          }
        }
      }
      Map<String, LocalDate> stillEquivocal = new HashMap<>();
      for (NewLesion n : a.newLesions()) {
        if (n.equivocal()) {
          stillEquivocal.put(n.id(), equivocalSince.getOrDefault(n.id(), a.date()));
          continue;
        }
        LocalDate since = equivocalSince.get(n.id());
        LocalDate date = since == null ? a.date() : since;
        String why = n.id() + " (" + n.siteName() + "): unequivocal new lesion"
            + (since == null ? "" : ", equivocal since " + since);
        found.add(new LesionProgression(n.id(), true, null, n.site(), n.siteName(), date, why));
      }
      equivocalSince = stillEquivocal;
      for (LesionProgression p : found) {
        first.putIfAbsent(p.lesionId(), p);
      }
      // the references for later assessments: each target's smallest measure, and the measures at the nadir sum
      for (BaselineLesion t : targets) {
        BigDecimal m = a.targets().get(t.id());
        if (m != null && m.compareTo(smallest.get(t.id())) < 0) {
          smallest.put(t.id(), m);
        }
      }
      if (r.sum() != null && r.targetsNotEvaluated().isEmpty() && r.sum().compareTo(nadirSum) < 0) {
        nadirSum = r.sum();
        for (BaselineLesion t : targets) {
          atNadir.put(t.id(), a.targets().get(t.id()));
        }
      }
    }
    List<LesionProgression> out = new ArrayList<>(first.values());
    out.sort(java.util.Comparator.comparing(LesionProgression::date));
    return out;
  }

  private static LesionProgression of(BaselineLesion l, LocalDate date, String reason) {
    return new LesionProgression(l.id(), false, l.role(), l.site(), l.siteName(), date, reason);
  }

  private static String mm(BigDecimal v) {
    return v.stripTrailingZeros().toPlainString() + " mm";
  }

  private static String pct(BigDecimal rise, BigDecimal base) {
    if (base.signum() == 0) {
      return "from 0 mm";
    }
    double p = rise.multiply(BigDecimal.valueOf(100)).divide(base, MathContext.DECIMAL64).doubleValue();
    return String.format(Locale.ROOT, "%+.1f%%", p);
  }
}
