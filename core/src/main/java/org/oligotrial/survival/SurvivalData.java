package org.oligotrial.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Right-censored survival data: for each subject a follow-up time, whether the event (progression, death) was
 * observed at that time or the subject was censored, and optionally a group label (treatment arm) and a stratum
 * label (stratification factor level). The shared input of Kaplan-Meier, the log-rank test, the restricted mean
 * and Cox regression.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Times are finite, non-negative numbers in the unit of the data (usually days or months); a time of 0 is
 *       allowed.
 *   <li>Without a group column every subject is in the single group {@value #ALL}; likewise for strata.
 *   <li>Groups and strata are numbered {@code 0 .. count-1} in {@link LevelOrder}, the order R gives the levels of
 *       a factor built from the labels: by value when every label is a number, otherwise as text.
 *   <li>Instances are immutable (the arrays are copied in and out) and therefore thread-safe. Null arrays and labels,
 *       unequal lengths, and negative, NaN or infinite times throw {@link IllegalArgumentException} or
 *       {@link NullPointerException}.
 * </ul>
 */
public final class SurvivalData {

  /** The label of the single group (or stratum) when the data have none. */
  public static final String ALL = "all";

  private final double[] time;
  private final boolean[] event;
  private final int[] group;
  private final List<String> groupLabels;
  private final int[] stratum;
  private final List<String> strataLabels;

  private SurvivalData(
      double[] time, boolean[] event, int[] group, List<String> groupLabels, int[] stratum, List<String> strataLabels) {
    this.time = time;
    this.event = event;
    this.group = group;
    this.groupLabels = groupLabels;
    this.stratum = stratum;
    this.strataLabels = strataLabels;
  }

  /** One group, one stratum. */
  public static SurvivalData of(double[] time, boolean[] event) {
    return of(time, event, null, null);
  }

  /** Subjects in groups (arms), one stratum; {@code groups == null} means one group. */
  public static SurvivalData of(double[] time, boolean[] event, String[] groups) {
    return of(time, event, groups, null);
  }

  /**
   * Subjects in groups and strata.
   *
   * @param time follow-up times, non-negative and finite, in the unit of the data
   * @param event {@code true} where the event was observed, {@code false} where the subject was censored
   * @param groups the group label of each subject, or {@code null} for a single group
   * @param strata the stratum label of each subject, or {@code null} for a single stratum
   * @throws IllegalArgumentException on unequal lengths or an invalid time
   * @throws NullPointerException when {@code time}, {@code event} or a label is null
   */
  public static SurvivalData of(double[] time, boolean[] event, String[] groups, String[] strata) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    int n = time.length;
    if (event.length != n) {
      throw new IllegalArgumentException("time and event have different lengths: " + n + " and " + event.length);
    }
    for (int i = 0; i < n; i++) {
      double t = time[i];
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException("time[" + i + "] must be a finite non-negative number, was " + t);
      }
    }
    Coded g = code(groups, n, "groups");
    Coded s = code(strata, n, "strata");
    return new SurvivalData(time.clone(), event.clone(), g.codes, g.labels, s.codes, s.labels);
  }

  /**
   * Subjects whose groups and strata are already coded, as a reader of a large file has them: {@code group[i]} is an
   * index into {@code groupLabels}, which are listed in {@link LevelOrder} (not re-sorted here); likewise strata.
   *
   * @param group group codes, or null for a single group ({@code groupLabels} is then ignored)
   * @param stratum stratum codes, or null for a single stratum
   * @throws IllegalArgumentException on unequal lengths, an invalid time, a code outside its labels, or duplicate
   *     labels
   */
  public static SurvivalData ofCodes(double[] time, boolean[] event, int[] group, List<String> groupLabels,
      int[] stratum, List<String> strataLabels) {
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(event, "event");
    int n = time.length;
    if (event.length != n) {
      throw new IllegalArgumentException("time and event have different lengths: " + n + " and " + event.length);
    }
    for (int i = 0; i < n; i++) {
      double t = time[i];
      if (!(t >= 0) || Double.isInfinite(t)) {
        throw new IllegalArgumentException("time[" + i + "] must be a finite non-negative number, was " + t);
      }
    }
    Coded g = coded(group, groupLabels, n, "groups");
    Coded s = coded(stratum, strataLabels, n, "strata");
    return new SurvivalData(time.clone(), event.clone(), g.codes, g.labels, s.codes, s.labels);
  }

  private static Coded coded(int[] codes, List<String> labels, int n, String what) {
    if (codes == null) {
      return new Coded(new int[n], List.of(ALL));
    }
    if (codes.length != n) {
      throw new IllegalArgumentException(what + " has length " + codes.length + ", time has " + n);
    }
    List<String> l = List.copyOf(labels);
    if (new java.util.HashSet<>(l).size() != l.size()) {
      throw new IllegalArgumentException(what + " labels repeat: " + l);
    }
    for (int c : codes) {
      if (c < 0 || c >= l.size()) {
        throw new IllegalArgumentException(what + " code " + c + " is not an index into " + l.size() + " labels");
      }
    }
    return new Coded(codes.clone(), l);
  }

  private record Coded(int[] codes, List<String> labels) {}

  private static Coded code(String[] labels, int n, String what) {
    if (labels == null) {
      return new Coded(new int[n], List.of(ALL));
    }
    if (labels.length != n) {
      throw new IllegalArgumentException(what + " has length " + labels.length + ", time has " + n);
    }
    Map<String, Integer> first = new HashMap<>();
    List<String> distinct = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String l = Objects.requireNonNull(labels[i], () -> what + " label is null");
      if (first.putIfAbsent(l, distinct.size()) == null) {
        distinct.add(l);
      }
    }
    List<String> sorted = LevelOrder.sort(distinct);
    Map<String, Integer> index = new HashMap<>();
    for (int k = 0; k < sorted.size(); k++) {
      index.put(sorted.get(k), k);
    }
    int[] codes = new int[n];
    String previous = null;
    int previousCode = -1;
    for (int i = 0; i < n; i++) {
      String l = labels[i];
      if (!l.equals(previous)) { // runs of equal labels are common: skip the map lookup
        previous = l;
        previousCode = index.get(l);
      }
      codes[i] = previousCode;
    }
    return new Coded(codes, Collections.unmodifiableList(sorted));
  }

  /** The number of subjects. */
  public int size() {
    return time.length;
  }

  /** The follow-up time of subject {@code i}, in the unit of the data. */
  public double time(int i) {
    return time[i];
  }

  /** Whether the event was observed for subject {@code i} (otherwise censored). */
  public boolean event(int i) {
    return event[i];
  }

  /** The group index {@code 0 .. groupCount()-1} of subject {@code i}. */
  public int group(int i) {
    return group[i];
  }

  /** The stratum index {@code 0 .. strataCount()-1} of subject {@code i}. */
  public int stratum(int i) {
    return stratum[i];
  }

  /** A copy of all follow-up times. */
  public double[] times() {
    return time.clone();
  }

  /** A copy of all event indicators. */
  public boolean[] events() {
    return event.clone();
  }

  /** A copy of all group indices. */
  public int[] groups() {
    return group.clone();
  }

  /** A copy of all stratum indices. */
  public int[] strata() {
    return stratum.clone();
  }

  /** The group labels in level order; {@code [}{@value #ALL}{@code ]} without groups. */
  public List<String> groupLabels() {
    return groupLabels;
  }

  /** The stratum labels in level order; {@code [}{@value #ALL}{@code ]} without strata. */
  public List<String> strataLabels() {
    return strataLabels;
  }

  public int groupCount() {
    return groupLabels.size();
  }

  public int strataCount() {
    return strataLabels.size();
  }

  /** The number of observed events. */
  public int eventCount() {
    int e = 0;
    for (boolean b : event) {
      if (b) {
        e++;
      }
    }
    return e;
  }

  /** The subjects of the group labelled {@code label}, as data with that one group and the same strata labels. */
  public SurvivalData subset(String label) {
    int g = groupLabels.indexOf(label);
    if (g < 0) {
      throw new IllegalArgumentException("no group " + label + "; groups are " + groupLabels);
    }
    int m = 0;
    for (int x : group) {
      if (x == g) {
        m++;
      }
    }
    double[] t = new double[m];
    boolean[] e = new boolean[m];
    String[] s = new String[m];
    for (int i = 0, j = 0; i < time.length; i++) {
      if (group[i] == g) {
        t[j] = time[i];
        e[j] = event[i];
        s[j++] = strataLabels.get(stratum[i]);
      }
    }
    String[] gl = new String[m];
    Arrays.fill(gl, label);
    return of(t, e, gl, s);
  }

  // package-private views without copying, for the estimators in this package
  double[] timeArray() {
    return time;
  }

  boolean[] eventArray() {
    return event;
  }

  int[] groupArray() {
    return group;
  }

  int[] stratumArray() {
    return stratum;
  }
}
