package org.oligotrial.recist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Evaluates structured tumour assessments: checks the baseline ({@link BaselineRules}) and the follow-ups, runs the
 * RECIST 1.1 engine ({@link RecistEvaluator}: sums, responses, equivocal back-dating, reappearance after CR) and
 * attributes progression to lesions, so that the endpoints know where a participant progressed.
 *
 * <p><b>Attribution.</b> Progression is attributed to lesions ({@link TumourEvaluation#lesionProgressions()}, each
 * lesion once, at its first progression): a target at least 20% and 5 mm above its own smallest earlier measure;
 * when the sum shows target PD without such a target, the targets that grew since the nadir assessment; a
 * non-target in unequivocal progression; the lesions seen again right after a complete response; an unequivocal new
 * lesion, dated back to the first of the immediately preceding scans that recorded it (same id) as equivocal. The
 * <em>sites of the first progression</em> are the lesion progressions dated on the RECIST progression date; when
 * none is (an equivocal run confirmed by a different new lesion), those of the first later assessment that has any.
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
    List<LesionProgression> progressions = LesionAttribution.attribute(input, recist);
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

  static boolean seenAgain(BaselineLesion l, FollowUpAssessment a) {
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
}
