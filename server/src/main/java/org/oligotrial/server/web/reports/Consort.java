package org.oligotrial.server.web.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.oligotrial.server.participant.Participant;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.ScreeningVersion;
import org.oligotrial.server.participant.StatusChange;

/**
 * The numbers of a CONSORT 2010 flow diagram, from the register's statuses, which follow the clinical data
 * ({@link org.oligotrial.server.participant.StatusTransitions}).
 *
 * <ul>
 *   <li>assessed: every candidate registered at screening;
 *   <li>excluded: assessed but not randomized, by reason (each failed criterion of screen failures counts once per
 *       candidate; a candidate failing several criteria counts under each);
 *   <li>per arm ({@link ArmFlow}): allocated (randomized); received the allocated intervention (the status ever
 *       reached ON_TREATMENT, i.e. a systemic-therapy or radiotherapy record exists); did not receive it, by the
 *       status that explains why; lost to follow-up (ever LOST_TO_FOLLOW_UP), by the reason given; discontinued the
 *       intervention (OFF_TREATMENT for a reason other than completing it, or withdrawn after randomization), by
 *       reason; analysed: every allocated participant (intention to treat).
 * </ul>
 *
 * @param assessed candidates screened
 * @param excluded candidates not randomized
 * @param excludedReasons reason to count, in display order
 * @param failedCriteria for screen failures: criterion to count
 * @param arms arm codes in protocol order
 * @param flow arm code to its counts
 */
public record Consort(int assessed, int excluded, Map<String, Integer> excludedReasons,
    Map<String, Integer> failedCriteria, List<String> arms, Map<String, ArmFlow> flow) {
  /** The CONSORT exclusion reason of screen failures, itemised by criterion. */
  static final String SCREEN_FAILED = "Not meeting eligibility criteria";
  /** A derived off-treatment reason: "off treatment on 2025-03-11: the reason [derived after ...]". */
  private static final Pattern OFF_REASON = Pattern.compile("^(?:corrected: )?off treatment on \\S+: (.*?)"
      + "(?: \\[derived after .*)?$", Pattern.DOTALL);

  /**
   * One arm's boxes.
   *
   * @param allocated randomized to the arm
   * @param received received the allocated intervention
   * @param notReceived did not receive it: reason to count
   * @param lost lost to follow-up: reason to count
   * @param discontinued discontinued the intervention: reason to count
   * @param analysed analysed (intention to treat)
   */
  public record ArmFlow(int allocated, int received, Map<String, Integer> notReceived, Map<String, Integer> lost,
      Map<String, Integer> discontinued, int analysed) {
    public int notReceivedCount() {
      return sum(notReceived);
    }

    public int lostCount() {
      return sum(lost);
    }

    public int discontinuedCount() {
      return sum(discontinued);
    }

    private static int sum(Map<String, Integer> m) {
      return m.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public int randomized() {
    return flow.values().stream().mapToInt(ArmFlow::allocated).sum();
  }

  /** The arm's counts (all zero for an arm nobody was allocated to). */
  public ArmFlow arm(String arm) {
    return flow.getOrDefault(arm, new ArmFlow(0, 0, Map.of(), Map.of(), Map.of(), 0));
  }

  /**
   * The diagram's numbers.
   *
   * @param histories every participant screened, with status history
   * @param armOf participant id to allocated arm, for the randomized ones
   * @param arms arm codes in display order
   */
  public static Consort of(List<ParticipantHistory> histories, Map<String, String> armOf, List<String> arms) {
    Map<String, Integer> reasons = new LinkedHashMap<>();
    Map<String, Integer> criteria = new TreeMap<>();
    Map<String, Counter> counters = new LinkedHashMap<>();
    arms.forEach(a -> counters.put(a, new Counter()));
    int excluded = 0;
    for (ParticipantHistory h : histories) {
      Participant p = h.participant();
      String arm = armOf.get(p.id());
      if (arm == null) {
        excluded++;
        reasons.merge(exclusionReason(p.status()), 1, Integer::sum);
        if (p.status() == ParticipantStatus.SCREEN_FAILED) {
          ScreeningVersion v = h.screenings().get(h.screenings().size() - 1);
          for (String f : v.screenFailureReasons()) {
            int colon = f.indexOf(':');
            criteria.merge(colon > 0 ? f.substring(0, colon) : f, 1, Integer::sum);
          }
        }
        continue;
      }
      Counter c = counters.computeIfAbsent(arm, k -> new Counter());
      c.allocated++;
      boolean treated = reached(h, ParticipantStatus.ON_TREATMENT) != null;
      if (treated) {
        c.received++;
      } else {
        c.notReceived.merge(notTreatedReason(p.status()), 1, Integer::sum);
      }
      StatusChange lost = reached(h, ParticipantStatus.LOST_TO_FOLLOW_UP);
      if (lost != null) {
        c.lost.merge(lost.reason() == null ? "no reason given" : lost.reason(), 1, Integer::sum);
      }
      StatusChange off = reached(h, ParticipantStatus.OFF_TREATMENT);
      String offReason = off == null ? null : offReason(off.reason());
      if (offReason != null && !offReason.startsWith("completed")) {
        c.discontinued.merge(offReason, 1, Integer::sum);
      } else if (treated && p.status() == ParticipantStatus.WITHDRAWN) {
        c.discontinued.merge("withdrawn: " + (p.withdrawal() == null ? "reason in the withdrawal form"
            : p.withdrawal().reason()), 1, Integer::sum);
      }
    }
    Map<String, ArmFlow> flow = new LinkedHashMap<>();
    counters.forEach((a, c) -> flow.put(a, new ArmFlow(c.allocated, c.received, c.notReceived, c.lost,
        c.discontinued, c.allocated)));
    return new Consort(histories.size(), excluded, reasons, criteria, arms, flow);
  }

  private static final class Counter {
    int allocated;
    int received;
    final Map<String, Integer> notReceived = new TreeMap<>();
    final Map<String, Integer> lost = new TreeMap<>();
    final Map<String, Integer> discontinued = new TreeMap<>();
  }

  /** The last change into {@code s}, or null when the status never reached it. */
  private static StatusChange reached(ParticipantHistory h, ParticipantStatus s) {
    StatusChange last = null;
    for (StatusChange c : h.statusChanges()) {
      if (c.to() == s) {
        last = c;
      }
    }
    return last;
  }

  static String offReason(String statusReason) {
    if (statusReason == null) {
      return "no reason given";
    }
    Matcher m = OFF_REASON.matcher(statusReason);
    return m.matches() ? m.group(1) : statusReason;
  }

  private static String notTreatedReason(ParticipantStatus s) {
    return switch (s) {
      case DIED -> "died before treatment";
      case WITHDRAWN -> "withdrew before treatment";
      case LOST_TO_FOLLOW_UP -> "lost to follow-up before treatment";
      case PROGRESSED -> "progressed before treatment";
      case RANDOMIZED -> "treatment not (yet) recorded";
      default -> "other (" + s + ")";
    };
  }

  private static String exclusionReason(ParticipantStatus s) {
    return switch (s) {
      case SCREEN_FAILED -> SCREEN_FAILED;
      case SCREENING -> "Screening not complete";
      case ELIGIBLE -> "Eligible, consent not recorded";
      case CONSENTED -> "Consented, not yet randomized";
      case WITHDRAWN -> "Declined or withdrew before randomization";
      case DIED -> "Died before randomization";
      default -> "Other";
    };
  }
}
