package org.oligotrial.survival.cox;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A dataset of R's survival package written by {@code write.csv(..., row.names = FALSE, na = "")} into the test
 * resources (R 4.2.2, survival 3.5-3), read as text columns; complete cases of the columns used.
 */
final class RDataset {

  private final List<String> header;
  private final List<String[]> rows;

  private RDataset(List<String> header, List<String[]> rows) {
    this.header = header;
    this.rows = rows;
  }

  static RDataset load(String resource) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        RDataset.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      List<String> header = Arrays.asList(unquote(in.readLine().split(",", -1)));
      List<String[]> rows = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        rows.add(unquote(line.split(",", -1)));
      }
      return new RDataset(header, rows);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String[] unquote(String[] f) {
    for (int i = 0; i < f.length; i++) {
      f[i] = f[i].replace("\"", "");
    }
    return f;
  }

  /** Only the rows with a value in every named column (R's na.omit). */
  RDataset complete(String... columns) {
    List<String[]> kept = new ArrayList<>();
    for (String[] r : rows) {
      boolean ok = true;
      for (String c : columns) {
        ok &= !r[header.indexOf(c)].isEmpty();
      }
      if (ok) {
        kept.add(r);
      }
    }
    return new RDataset(header, kept);
  }

  String[] text(String column) {
    int j = header.indexOf(column);
    if (j < 0) {
      throw new IllegalArgumentException(column);
    }
    return rows.stream().map(r -> r[j]).toArray(String[]::new);
  }

  double[] numbers(String column) {
    return Arrays.stream(text(column)).mapToDouble(Double::parseDouble).toArray();
  }

  /** Surv's coding: 1/2 with 2 = event when the largest value is 2, else 0/1. */
  boolean[] events(String column) {
    double[] s = numbers(column);
    double max = Arrays.stream(s).max().orElse(0);
    boolean[] e = new boolean[s.length];
    for (int i = 0; i < s.length; i++) {
      e[i] = s[i] - (max == 2 ? 1 : 0) == 1;
    }
    return e;
  }

  /** Stratum codes by sorted label. */
  int[] strata(String column) {
    String[] t = text(column);
    List<String> levels = new ArrayList<>(new java.util.TreeSet<>(List.of(t)));
    return Arrays.stream(t).mapToInt(levels::indexOf).toArray();
  }

  CoxCovariates covariates(String... columns) {
    List<CovariateCoding.RawColumn> raw = new ArrayList<>();
    for (String c : columns) {
      raw.add(new CovariateCoding.RawColumn(c, text(c), false, null));
    }
    return CovariateCoding.code(raw).covariates();
  }
}
