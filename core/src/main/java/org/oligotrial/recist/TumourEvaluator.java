package org.oligotrial.recist;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates structured tumour assessments: checks the baseline ({@link BaselineRules}) and the follow-ups, runs the
 * RECIST 1.1 engine ({@link RecistEvaluator}: sums, responses, equivocal back-dating, reappearance after CR) and
 * attributes progression to lesions, so that the endpoints know where a participant progressed.
 *
 * <p><b>Attribution.</b> At each follow-up assessment, in this order:
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
 * <p>Follow-up checks, each an {@link InvalidRecistDataException} naming the assessment and lesion: those of
 * {@link RecistEvaluator}, plus: a new lesion has an id not used by a baseline lesion and not repeated within the
 * assessment, an "other" site has its text, and a new lesion seen again keeps its site. Immutable and thread-safe.
 */
public final class TumourEvaluator {
  private static final BigDecimal FIVE = new BigDecimal("5");
  private static final BigDecimal NODE_NORMAL_MM = BigDecimal.TEN;

  private final RecistEvaluator engine;

  /** An evaluator with the protocol's 42-day minimum interval for stable disease. */
  public TumourEvaluator() {
    this(RecistEvaluator.DEFAULT_MIN_SD_DAYS);
  }

  /**
   * @param minSdDays minimum interval from baseline, in days, for stable disease to count in the best response
   * @throws IllegalArgumentException if negative
   */
  public TumourEvaluator(int minSdDays) {
    this.engine = new RecistEvaluator(minSdDays);
  }

  /**
   * Evaluates the assessments.
   *
   * @return the evaluation, with the baseline warnings
   * @throws InvalidRecistDataException if the baseline breaks a RECIST 1.1 rule (the message lists every error
   *     finding, one per line) or a follow-up breaks the input contract (message names the assessment and lesion)
   * @throws NullPointerException if {@code input} is null
   */
  public TumourEvaluation evaluate(TumourAssessments input) {
    Objects.requireNonNull(input, "input");
    List<BaselineFinding> findings = BaselineRules.check(input.lesions());
    List<BaselineFinding> errors = findings.stream().filter(BaselineFinding::error).toList();
    if (!errors.isEmpty()) {
      throw new InvalidRecistDataException("baseline: " + errors.stream().map(BaselineFinding::message)
          .collect(Collectors.joining("\n  ")));
    }
    checkNewLesions(input);
    List<Assessment> assessments = input.followUps().stream().map(FollowUpAssessment::toAssessment).toList();
    RecistEvaluation recist = engine.evaluate(input.toBaseline(), assessments);
    List<LesionProgression> progressions = attribute(input, recist);
    List<BaselineFinding> warnings = findings.stream().filter(f -> !f.error()).toList();
    Map<LesionScope, LocalDate> scopes = new java.util.EnumMap<>(LesionScope.class);
    for (LesionScope scope : LesionScope.values()) {
      LocalDate d = progressionDate(input, recist, scope);
      if (d != null) {
        scopes.put(scope, d);
      }
    }
    return new TumourEvaluation(recist, warnings, progressions, sitesAt(recist.progressionDate(), progressions),
        scopes);
  }

  /**
   * The first progression of the lesions of a scope: RECIST 1.1 applied to those lesions alone. With {@code S} the
   * sum of the scope's target lesions and {@code N} its nadir (smallest fully measured sum among the baseline and
   * prior assessments), progression at the first assessment where {@code S - N >= 0.2 N} and {@code S - N >= 5 mm},
   * or a non-target of the scope shows unequivocal progression, or a lesion of the scope reappears right after an
   * overall complete response, or an unequivocal new lesion of the scope is seen (dated back to the first of the
   * immediately preceding scans that recorded the same lesion as equivocal). For {@link LesionScope#ALL} this is the
   * RECIST progression date of {@link RecistEvaluator} (which also dates back a run of equivocal findings confirmed
   * by a different new lesion).
   *
   * @return the date, or null without progression of the scope (also when the scope has no lesion)
   * @throws InvalidRecistDataException as {@link #evaluate(TumourAssessments)}
   */
  public LocalDate progressionDate(TumourAssessments input, LesionScope scope) {
    return evaluate(input).progressionDate(scope);
  }

  static LocalDate progressionDate(TumourAssessments input, RecistEvaluation recist, LesionScope scope) {
    if (scope == LesionScope.ALL) {
      return recist.progressionDate();
    }
    List<BaselineLesion> targets = input.lesions().stream().filter(l -> l.target() && scope.includes(l)).toList();
    BigDecimal nadir = targets.stream().map(BaselineLesion::mm).reduce(BigDecimal.ZERO, BigDecimal::add);
    Map<String, LocalDate> equivocalSince = new HashMap<>();
    for (int i = 0; i < input.followUps().size(); i++) {
      FollowUpAssessment a = input.followUps().get(i);
      AssessmentResult r = recist.assessments().get(i);
      LocalDate event = null;
      BigDecimal sum = BigDecimal.ZERO;
      boolean complete = true;
      for (BaselineLesion t : targets) {
        BigDecimal m = a.targets().get(t.id());
        if (m == null) {
          complete = false;
        } else {
          sum = sum.add(m);
        }
      }
      BigDecimal rise = sum.subtract(nadir);
      // 5 (S - N) >= N and S - N >= 5 mm, on the measured targets of the scope (a partial sum is a lower bound)
      if (!targets.isEmpty() && rise.compareTo(FIVE) >= 0 && rise.multiply(FIVE).compareTo(nadir) >= 0) {
        event = a.date();
      }
      for (BaselineLesion l : input.lesions()) {
        if (!scope.includes(l)) {
          continue;
        }
        if (!l.target() && a.nonTargets().get(l.id()) == NonTargetStatus.PROGRESSION) {
          event = a.date();
        }
        if (r.reappearedAfterCr() && seenAgain(l, a)) {
          event = a.date();
        }
      }
      Map<String, LocalDate> still = new HashMap<>();
      for (NewLesion n : a.newLesions()) {
        if (!scope.includes(n)) {
          continue;
        }
        if (n.equivocal()) {
          still.put(n.id(), equivocalSince.getOrDefault(n.id(), a.date()));
        } else {
          LocalDate d = equivocalSince.getOrDefault(n.id(), a.date());
          event = event == null || d.isBefore(event) ? d : event;
        }
      }
      if (event != null) {
        return event;
      }
      equivocalSince = still;
      if (complete && !targets.isEmpty() && sum.compareTo(nadir) < 0) {
        nadir = sum;
      }
    }
    return null;
  }

  private static boolean seenAgain(BaselineLesion l, FollowUpAssessment a) {
    if (!l.target()) {
      return a.nonTargets().get(l.id()) == NonTargetStatus.PRESENT;
    }
    BigDecimal m = a.targets().get(l.id());
    return m != null && (l.nodal() ? m.compareTo(NODE_NORMAL_MM) >= 0 : m.signum() > 0);
  }

  static List<LesionProgression> sitesAt(LocalDate date, List<LesionProgression> all) {
    if (date == null) {
      return List.of();
    }
    List<LesionProgression> on = all.stream().filter(p -> p.date().equals(date)).toList();
    if (!on.isEmpty()) {
      return on;
    }
    LocalDate next = all.stream().map(LesionProgression::date).filter(d -> d.isAfter(date)).min(LocalDate::compareTo)
        .orElse(null);
    return next == null ? List.of() : all.stream().filter(p -> p.date().equals(next)).toList();
  }

  private static void checkNewLesions(TumourAssessments input) {
    Set<String> baselineIds = new HashSet<>();
    input.lesions().forEach(l -> baselineIds.add(l.id()));
    Map<String, LesionSite> seen = new HashMap<>();
    for (int i = 0; i < input.followUps().size(); i++) {
      FollowUpAssessment a = input.followUps().get(i);
      String where = "assessments[" + i + "] (" + a.date() + "): newLesions: ";
      Set<String> here = new HashSet<>();
      for (NewLesion n : a.newLesions()) {
        if (n.id().isBlank()) {
          throw new InvalidRecistDataException(where + "a new lesion has an empty id");
        }
        if (baselineIds.contains(n.id())) {
          throw new InvalidRecistDataException(where + n.id() + " is a baseline lesion id; a new lesion needs its own "
              + "id (" + LesionIds.NEW + "1, " + LesionIds.NEW + "2, ..)");
        }
        if (!here.add(n.id())) {
          throw new InvalidRecistDataException(where + n.id() + " is listed twice");
        }
        if (n.site() == LesionSite.OTHER && (n.siteText() == null || n.siteText().isBlank())) {
          throw new InvalidRecistDataException(where + n.id() + ": site \"other\" needs the site in words");
        }
        LesionSite before = seen.putIfAbsent(n.id(), n.site());
        if (before != null && before != n.site()) {
          throw new InvalidRecistDataException(where + n.id() + " was recorded in the " + before.label()
              + " before and is now in the " + n.site().label() + "; a lesion at another site is another new lesion");
        }
      }
    }
  }

  private static List<LesionProgression> attribute(TumourAssessments input, RecistEvaluation recist) {
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
          if (seenAgain(l, a)) {
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
