package org.oligotrial.endpoints;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.oligotrial.recist.AssessmentResult;
import org.oligotrial.recist.BaselineLesion;
import org.oligotrial.recist.FollowUpAssessment;
import org.oligotrial.recist.InvalidRecistDataException;
import org.oligotrial.recist.LesionProgression;
import org.oligotrial.recist.LesionScope;
import org.oligotrial.recist.OverallResponse;
import org.oligotrial.recist.TumourEvaluation;
import org.oligotrial.recist.TumourEvaluator;

/**
 * Derives the time-to-event endpoints a protocol declares (its endpoints with an {@code event} block) from a
 * {@link ParticipantHistory}; the core holds no trial's endpoint ids. Day 0 is the randomization date; times are
 * whole days.
 *
 * <p><b>Follow-up for tumour endpoints</b> ends at withdrawal: progressions, assessments and irradiated-lesion
 * findings after the withdrawal date are not used. The <em>last adequate assessment</em> {@code L} is the latest
 * assessment date (assessments whose overall RECIST response is not NE, the listed assessment dates, and progression
 * dates) after randomization and within follow-up; when there is none, {@code L} is the randomization date
 * (censoring at day 0).
 *
 * <p><b>Progression endpoints</b> are defined in the protocol file ({@link EndpointRules#of}): each follows the
 * progression of a {@link LesionScope} and either counts a death as an event or censors it. The event is the
 * earliest of
 *
 * <ol>
 *   <li>the RECIST date: the first progression of the scope computed from the tumour assessments
 *       ({@link TumourEvaluator}; for scope {@code any} the RECIST 1.1 progression date, with the equivocal-lesion back-dating and
 *       the reappearance-after-CR rule), source {@link EventSource#RECIST};
 *   <li>the clinical date: the earliest progression form of the scope ({@code any}: any form; {@code thoracic}:
 *       site thoracic or a form naming a thoracic lesion; {@code primary-tumour}: a form naming the primary tumour
 *       lesion; {@code oligometastatic-foci}: site oligometastatic or a form naming a baseline focus), source
 *       {@link EventSource#CLINICAL}; a tie with the RECIST date is RECIST;
 *   <li>for a {@code death: event} endpoint without progression, death at most
 *       {@link EndpointRules#deathAllowanceDays()} after {@code L}, source {@link EventSource#DEATH}; a later death
 *       (two or more missed assessments) is censored at {@code L} (FDA 2018 endpoint guidance);
 * </ol>
 *
 * otherwise censored at {@code L} ({@link EventSource#CENSORED}, with the reason). A {@code death: censored}
 * endpoint treats death as a competing event, censored at {@code L}.
 *
 * <ul>
 *   <li><b>Progression endpoints</b> of every scope as above; a {@code primary-tumour} endpoint needs a
 *       primary-tumour lesion at baseline and an {@code oligometastatic-foci} endpoint a baseline oligometastatic
 *       focus (otherwise null, NA in the dataset). A history without tumour assessments (recorded before the
 *       structured form) keeps the earlier rule for a {@code primary-tumour} endpoint: the first local progression
 *       of an irradiated lesion (null without irradiated lesions); its {@code oligometastatic-foci} endpoints are
 *       null. The primary progression endpoint ({@link ParticipantEndpoints#primaryProgression()}) is the
 *       protocol's primary endpoint when it is a progression endpoint, else its first one of scope {@code any},
 *       else its first progression endpoint.
 *   <li><b>Overall survival</b> ({@code event: {death: event}}): event at death from any cause (also after withdrawal, when the date is known); otherwise
 *       censored at the last date known alive: the latest of the last-known-alive date, assessment and progression
 *       dates, and randomization.
 *   <li><b>Toxicity</b>: the worst CTCAE grade per term ({@link ToxicitySummary}).
 *   <li><b>Compliance</b>: delivered / planned cycles and fractions ({@link Compliance}).
 *   <li><b>Reconciliation</b> (with tumour assessments): a RECIST progression without any progression form, a
 *       progression form recorded with imaging without RECIST progression, and differing dates (the RECIST date and
 *       the earliest imaging form) each give a {@link ReconciliationFinding} with both values. A form of a
 *       progression without imaging is clinical by nature and opens none.
 * </ul>
 *
 * <p>A death on the day of randomization is an event at 0 days for overall survival and (death without progression,
 * within the allowance of randomization) for progression-free survival: the participant died, and the Kaplan-Meier
 * estimate counts an event at time 0 as a drop of the curve at 0 (R's {@code survfit} does the same), so dropping it
 * would bias survival upwards.
 *
 * <p>A history that contradicts itself throws {@link InvalidHistoryException} naming the field: blank id or arm; a
 * progression or local progression on or before randomization; a death before randomization; an event or an
 * assessment after death; a
 * last-known-alive date after death or before randomization; a CTCAE grade outside 1-5; negative counts; tumour
 * assessments that break RECIST 1.1 (the message of {@link InvalidRecistDataException} after {@code tumour: }).
 * Instances are immutable and thread-safe.
 */
public final class EndpointDerivation {
  private final EndpointRules rules;
  /** The protocol's time-to-event endpoints in protocol order. */
  private final List<org.oligotrial.protocol.Endpoint> protocolEndpoints;
  /** Id of the endpoint {@link ParticipantEndpoints#primaryProgression()} answers; null when none. */
  private final String primaryProgressionId;
  private final TumourEvaluator evaluator = new TumourEvaluator();

  /**
   * Derivation of every time-to-event endpoint the protocol declares ({@link EndpointRules#of} for the progression
   * endpoints; {@code event: {death: event}} is overall survival).
   *
   * @throws NullPointerException if protocol is null
   */
  public EndpointDerivation(org.oligotrial.protocol.Protocol protocol) {
    this(protocol, EndpointRules.of(protocol));
  }

  /**
   * Derivation of the protocol's time-to-event endpoints with other rules (e.g. another death allowance); an
   * endpoint of the protocol that the rules do not define is not derived.
   *
   * @throws NullPointerException if protocol or rules is null
   */
  public EndpointDerivation(org.oligotrial.protocol.Protocol protocol, EndpointRules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.protocolEndpoints = protocol.endpoints().stream().filter(org.oligotrial.protocol.Endpoint::timeToEvent)
        .toList();
    this.primaryProgressionId = primaryProgression(protocolEndpoints, rules);
  }

  /**
   * The primary progression endpoint: the protocol's primary endpoint when it is a progression endpoint, else its
   * first progression endpoint with scope {@code any}, else its first progression endpoint; null without one.
   */
  private static String primaryProgression(List<org.oligotrial.protocol.Endpoint> endpoints, EndpointRules rules) {
    List<org.oligotrial.protocol.Endpoint> progression = endpoints.stream()
        .filter(e -> rules.endpoint(e.id()) != null).toList();
    return progression.stream().filter(org.oligotrial.protocol.Endpoint::primary).findFirst()
        .or(() -> progression.stream().filter(e -> rules.endpoint(e.id()).scope() == LesionScope.ALL).findFirst())
        .or(() -> progression.stream().findFirst())
        .map(org.oligotrial.protocol.Endpoint::id).orElse(null);
  }

  /**
   * All endpoints of one participant.
   *
   * @throws InvalidHistoryException if the history contradicts itself (message names the field)
   * @throws NullPointerException if h is null
   */
  public ParticipantEndpoints derive(ParticipantHistory h) {
    HistoryCheck.check(h);
    TumourEvaluation tumour = null;
    if (h.tumour() != null) {
      try {
        tumour = evaluator.evaluate(h.tumour());
      } catch (InvalidRecistDataException e) {
        throw new InvalidHistoryException("tumour: " + e.getMessage());
      }
      HistoryCheck.checkTumourDates(h);
    }
    Facts f = new Facts(h, tumour);
    Map<String, TimeToEvent> all = new LinkedHashMap<>();
    for (org.oligotrial.protocol.Endpoint e : protocolEndpoints) {
      ProgressionEndpoint def = rules.endpoint(e.id());
      all.put(e.id(), e.event().deathOnly() ? overallSurvival(h) : def == null ? null : progression(f, def));
    }
    return new ParticipantEndpoints(h, ToxicitySummary.worstGrades(h.adverseEvents()), Compliance.of(h.delivery()),
        tumour, tumour == null ? List.of() : Reconciliation.of(h, tumour.progressionDate()), all,
        primaryProgressionId);
  }
  /**
   * One progression endpoint, by its scope alone: {@code any} is always derived; {@code primary-tumour} and
   * {@code oligometastatic-foci} only for a participant with such a lesion at baseline; without tumour assessments
   * {@code primary-tumour} is the local control of the irradiated lesions and {@code oligometastatic-foci} is not
   * derived (see the class comment).
   */
  private TimeToEvent progression(Facts f, ProgressionEndpoint def) {
    if (def.scope() == LesionScope.ALL) {
      return progressionFree(f, def);
    }
    if (f.tumour() == null && def.scope() == LesionScope.PRIMARY_TUMOUR) {
      return localControl(f.h());
    }
    if (f.tumour() == null && def.scope() == LesionScope.OLIGOMETASTATIC_FOCI) {
      return null;
    }
    return derivedBy(f, def);
  }

  /** Endpoints of every participant, in the order given. @throws InvalidHistoryException naming the participant */
  public List<ParticipantEndpoints> deriveAll(List<ParticipantHistory> histories) {
    List<ParticipantEndpoints> out = new ArrayList<>();
    for (ParticipantHistory h : histories) {
      try {
        out.add(derive(h));
      } catch (InvalidHistoryException e) {
        throw new InvalidHistoryException("participant " + h.participantId() + ": " + e.getMessage());
      }
    }
    return out;
  }

  /** What every progression endpoint of one participant reads. */
  private record Facts(ParticipantHistory h, TumourEvaluation tumour, List<LocalDate> assessmentDates) {
    Facts(ParticipantHistory h, TumourEvaluation tumour) {
      this(h, tumour, adequateDates(h, tumour));
    }

    private static List<LocalDate> adequateDates(ParticipantHistory h, TumourEvaluation t) {
      List<LocalDate> dates = new ArrayList<>(h.assessmentDates());
      if (t != null) {
        for (AssessmentResult r : t.recist().assessments()) {
          if (r.overall() != OverallResponse.NE) {
            dates.add(r.date());
          }
        }
        if (t.progressionDate() != null) {
          dates.add(t.progressionDate());
        }
      }
      h.progressions().forEach(p -> dates.add(p.date()));
      return dates;
    }
  }

  private TimeToEvent derivedBy(Facts f, ProgressionEndpoint def) {
    boolean lesionEndpoint = def.scope() == LesionScope.PRIMARY_TUMOUR || def.scope() == LesionScope.OLIGOMETASTATIC_FOCI;
    if (lesionEndpoint
        && (f.h().tumour() == null || f.h().tumour().lesions().stream().noneMatch(def.scope()::includes))) {
      return null; // no lesion to follow: local control without a primary, foci control without a focus
    }
    return progressionFree(f, def);
  }

  private TimeToEvent progressionFree(Facts f, ProgressionEndpoint def) {
    ParticipantHistory h = f.h();
    String what = switch (def.scope()) {
      case ALL -> "progression";
      case THORACIC -> "thoracic progression";
      case PRIMARY_TUMOUR -> "progression of the primary tumour";
      case OLIGOMETASTATIC_FOCI -> "progression of the oligometastatic foci";
    };
    LocalDate recist = f.tumour() == null ? null : f.tumour().progressionDate(def.scope());
    if (recist != null && (!recist.isAfter(h.randomizationDate()) || !withinFollowUp(h, recist))) {
      recist = null;
    }
    ProgressionEvent form = h.progressions().stream()
        .filter(p -> formCounts(p, def.scope(), h) && withinFollowUp(h, p.date()))
        .min(Comparator.comparing(ProgressionEvent::date))
        .orElse(null);
    if (recist != null && (form == null || !form.date().isBefore(recist))) {
      return at(h, recist, EventSource.RECIST, "RECIST 1.1 " + what + " at the assessment of " + recist
          + sites(f, def.scope()));
    }
    if (form != null) {
      return at(h, form.date(), EventSource.CLINICAL, "clinical " + what + " (progression form, "
          + form.site().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
          + (form.withoutImaging() ? ", without imaging" : "") + ") on " + form.date());
    }
    LocalDate last = lastAdequateAssessment(f, h.deathDate());
    if (h.deathDate() != null && withinFollowUp(h, h.deathDate())) {
      if (!def.deathIsEvent()) {
        return at(h, last, EventSource.CENSORED, "death without " + what + " (competing event); censored at "
            + lastName(h, last));
      }
      long gap = ChronoUnit.DAYS.between(last, h.deathDate());
      if (gap <= rules.deathAllowanceDays()) {
        return at(h, h.deathDate(), EventSource.DEATH, "death without " + what + ", " + gap
            + " days after " + lastName(h, last) + " (within " + rules.deathAllowanceDays() + ")");
      }
      return at(h, last, EventSource.CENSORED, "death " + gap + " days after the last adequate assessment (more than "
          + rules.deathAllowanceDays() + "): censored at " + lastName(h, last));
    }
    return at(h, last, EventSource.CENSORED, (h.withdrawalDate() != null ? "withdrawn; " : "no " + what + "; ")
        + "censored at " + lastName(h, last));
  }

  private static String sites(Facts f, LesionScope scope) {
    if (scope != LesionScope.ALL || f.tumour().progressionSites().isEmpty()) {
      return "";
    }
    return " (" + f.tumour().progressionSites().stream().map(LesionProgression::reason)
        .collect(java.util.stream.Collectors.joining("; ")) + ")";
  }

  /** Whether a progression form counts for a scope; see the class comment. */
  static boolean formCounts(ProgressionEvent p, LesionScope scope, ParticipantHistory h) {
    BaselineLesion named = p.lesionId() == null || h.tumour() == null ? null : h.tumour().lesion(p.lesionId());
    return switch (scope) {
      case ALL -> true;
      case THORACIC -> p.site() == ProgressionSite.THORACIC || (named != null && scope.includes(named));
      case PRIMARY_TUMOUR -> named != null && scope.includes(named);
      case OLIGOMETASTATIC_FOCI -> named != null
          ? scope.includes(named)
          : p.site() == ProgressionSite.OLIGOMETASTATIC;
    };
  }

  TimeToEvent localControl(ParticipantHistory h) {
    if (h.treatedLesions().isEmpty()) {
      return null;
    }
    LocalDate first = h.treatedLesions().stream()
        .map(TreatedLesion::localProgressionDate)
        .filter(d -> d != null && withinFollowUp(h, d))
        .min(Comparator.naturalOrder())
        .orElse(null);
    if (first != null) {
      return at(h, first, EventSource.CLINICAL, "local progression of an irradiated lesion");
    }
    LocalDate last = lastAdequateAssessment(new Facts(h, null), h.deathDate());
    String why = h.deathDate() != null && withinFollowUp(h, h.deathDate())
        ? "death without local progression (competing event)"
        : h.withdrawalDate() != null ? "withdrawn" : "no local progression";
    return at(h, last, EventSource.CENSORED, why + "; censored at " + lastName(h, last));
  }

  TimeToEvent overallSurvival(ParticipantHistory h) {
    if (h.deathDate() != null) {
      return at(h, h.deathDate(), EventSource.DEATH, "death from any cause");
    }
    LocalDate last = h.randomizationDate();
    last = later(last, h.lastKnownAliveDate());
    for (LocalDate d : h.assessmentDates()) {
      last = later(last, d);
    }
    for (ProgressionEvent p : h.progressions()) {
      last = later(last, p.date());
    }
    if (h.tumour() != null) {
      for (FollowUpAssessment a : h.tumour().followUps()) {
        last = later(last, a.date());
      }
    }
    return at(h, last, EventSource.CENSORED, "alive; censored at last known alive " + last);
  }

  /** Latest assessment (or progression) date after randomization, within follow-up and not after {@code limit}. */
  private static LocalDate lastAdequateAssessment(Facts f, LocalDate limit) {
    ParticipantHistory h = f.h();
    Set<LocalDate> dates = new TreeSet<>(f.assessmentDates());
    LocalDate last = h.randomizationDate();
    for (LocalDate d : dates) {
      if (d.isAfter(h.randomizationDate()) && withinFollowUp(h, d) && (limit == null || !d.isAfter(limit))) {
        last = later(last, d);
      }
    }
    return last;
  }

  private static String lastName(ParticipantHistory h, LocalDate last) {
    return last.equals(h.randomizationDate())
        ? "randomization (no adequate assessment after it)"
        : "last adequate assessment " + last;
  }

  static boolean withinFollowUp(ParticipantHistory h, LocalDate d) {
    return h.withdrawalDate() == null || !d.isAfter(h.withdrawalDate());
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return b != null && b.isAfter(a) ? b : a;
  }

  private static TimeToEvent at(ParticipantHistory h, LocalDate date, EventSource source, String reason) {
    return new TimeToEvent(ChronoUnit.DAYS.between(h.randomizationDate(), date), source != EventSource.CENSORED,
        date, reason, source);
  }
}
