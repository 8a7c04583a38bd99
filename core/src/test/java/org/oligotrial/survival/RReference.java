package org.oligotrial.survival;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference files written by {@code core/src/test/r/reference.R}: R's datasets as CSV and, per case, the
 * header lines (R and survival version, the exact call, a machine-readable spec) and a table of expected values.
 */
final class RReference {

  static final String BASE = "/org/oligotrial/survival/";

  /** A reference case: the comment lines, the spec and the table rows (header row first). */
  record Case(String name, List<String> comments, Map<String, String> spec, List<String[]> rows) {

    String version() {
      return comments.get(0).substring(2);
    }

    String call() {
      return comments.get(1).substring("# call: ".length());
    }

    /** The comment lines starting with "# key:", without the prefix, split at commas; the first is a legend. */
    List<String[]> tagged(String key) {
      List<String[]> out = new ArrayList<>();
      for (String c : comments) {
        if (c.startsWith("# " + key + ":")) {
          out.add(c.substring(key.length() + 3).trim().split(","));
        }
      }
      return out;
    }

    /** The survival data the spec names. */
    SurvivalData data() {
      String group = spec.get("group");
      String strata = spec.get("strata");
      return dataset(spec.get("data"), spec.get("time"), spec.get("event"),
          group == null || group.isEmpty() ? null : group, strata == null || strata.isEmpty() ? null : strata);
    }
  }

  private RReference() {}

  /** The names of the random cases of one kind (km, logrank, rmst) that reference.R wrote. */
  static java.util.stream.Stream<String> randomCases(String kind) {
    return lines(BASE + "random-cases.txt").stream()
        .filter(l -> l.startsWith(kind + " "))
        .map(l -> l.substring(kind.length() + 1));
  }

  static Case read(String dir, String name) {
    List<String> lines = lines(BASE + dir + "/" + name + ".csv");
    List<String> comments = new ArrayList<>();
    List<String[]> rows = new ArrayList<>();
    for (String l : lines) {
      if (l.startsWith("#")) {
        comments.add(l);
      } else if (!l.isBlank()) {
        rows.add(l.split(",", -1));
      }
    }
    Map<String, String> spec = new LinkedHashMap<>();
    for (String kv : comments.get(2).substring("# spec: ".length()).split(" ")) {
      int eq = kv.indexOf('=');
      spec.put(kv.substring(0, eq), kv.substring(eq + 1));
    }
    return new Case(name, comments, spec, rows);
  }

  /** R's numbers as written by sprintf("%.17g"): NA and NaN are NaN, Inf is infinity. */
  static double number(String s) {
    return switch (s) {
      case "NA", "NaN" -> Double.NaN;
      case "Inf" -> Double.POSITIVE_INFINITY;
      default -> Double.parseDouble(s);
    };
  }

  /**
   * The columns of an R dataset written by write.csv, rows with NA in a used column dropped (na.omit), the status
   * read as Surv() does (1/2 coding when its maximum is 2).
   */
  static SurvivalData dataset(String name, String time, String event, String group, String strata) {
    List<String> lines = lines(BASE + "data/" + name + ".csv");
    List<String> header = Arrays.stream(lines.get(0).split(",")).map(RReference::unquote).toList();
    int it = header.indexOf(time);
    int ie = header.indexOf(event);
    int ig = group == null ? -1 : header.indexOf(group);
    int is = strata == null ? -1 : header.indexOf(strata);
    List<String[]> kept = new ArrayList<>();
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      for (int i = 0; i < f.length; i++) {
        f[i] = unquote(f[i]);
      }
      if (f[it].equals("NA") || f[ie].equals("NA") || (ig >= 0 && f[ig].equals("NA"))
          || (is >= 0 && f[is].equals("NA"))) {
        continue;
      }
      kept.add(f);
    }
    int n = kept.size();
    double[] t = new double[n];
    double[] status = new double[n];
    double max = 0;
    for (int i = 0; i < n; i++) {
      t[i] = Double.parseDouble(kept.get(i)[it]);
      status[i] = Double.parseDouble(kept.get(i)[ie]);
      max = Math.max(max, status[i]);
    }
    boolean[] e = new boolean[n];
    for (int i = 0; i < n; i++) {
      e[i] = (max == 2 ? status[i] - 1 : status[i]) == 1;
    }
    String[] g = ig < 0 ? null : kept.stream().map(f -> f[ig]).toArray(String[]::new);
    String[] s = is < 0 ? null : kept.stream().map(f -> f[is]).toArray(String[]::new);
    return SurvivalData.of(t, e, g, s);
  }

  private static String unquote(String s) {
    return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
  }

  private static List<String> lines(String resource) {
    try (InputStream in = RReference.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Relative agreement |a - e| <= tol * max(1, |e|)... as relative error with an absolute floor for values near 0. */
  static boolean close(double actual, double expected, double tol) {
    if (Double.isNaN(expected)) {
      return Double.isNaN(actual);
    }
    if (Double.isInfinite(expected)) {
      return actual == expected;
    }
    return Math.abs(actual - expected) <= tol * Math.max(Math.abs(expected), 1e-300) || actual == expected;
  }
}
