package org.oligotrial.server.web.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Enrollment (randomized participants) over time against the target, with a projected completion date.
 *
 * <p>Projection: a straight line through the recruitment so far. With {@code n} participants randomized between the
 * first randomization {@code d0} and today {@code t} (at least one day apart), the rate is {@code r = n / (t - d0)}
 * participants per day and the target {@code N} is reached {@code (N - n) / r} days after today, rounded up. No
 * projection with fewer than two randomizations (one point gives no rate). The line assumes the current rate holds,
 * which it rarely does when sites open or close; it is a planning aid, not a forecast.
 *
 * @param target the target sample size (148)
 * @param dates the randomization date of each randomized participant, sorted
 * @param today the date of the projection
 */
public record Enrollment(int target, List<LocalDate> dates, LocalDate today) {
  public Enrollment {
    dates = dates.stream().sorted().toList();
  }

  public int randomized() {
    return dates.size();
  }

  /** Participants per 30 days, or 0 with fewer than two randomizations. */
  public double ratePerMonth() {
    if (dates.size() < 2) {
      return 0;
    }
    long days = Math.max(1, ChronoUnit.DAYS.between(dates.get(0), today));
    return dates.size() * 30.0 / days;
  }

  /** The projected date the target is reached, or null when there is no rate yet; today when reached. */
  public LocalDate projectedCompletion() {
    if (dates.size() >= target) {
      return today;
    }
    if (dates.size() < 2) {
      return null;
    }
    long days = Math.max(1, ChronoUnit.DAYS.between(dates.get(0), today));
    double perDay = dates.size() / (double) days;
    return today.plusDays((long) Math.ceil((target - dates.size()) / perDay));
  }

  /** Cumulative count by date. */
  public Map<LocalDate, Integer> cumulative() {
    Map<LocalDate, Integer> c = new TreeMap<>();
    int n = 0;
    for (LocalDate d : dates) {
      c.put(d, ++n);
    }
    return c;
  }
}
