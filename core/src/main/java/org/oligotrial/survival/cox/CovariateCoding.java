package org.oligotrial.survival.cox;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns raw covariate columns (text as read from a file) into the numeric columns of a Cox model, as R's
 * {@code model.matrix} does with treatment contrasts.
 *
 * <ul>
 *   <li>A column is numeric when every value parses as a finite number (Java's {@code Double.parseDouble}), unless it
 *       is forced categorical; it becomes one column with its own name.
 *   <li>Otherwise it is categorical: its levels are its distinct values in plain sorted order (Java's
 *       {@code String.compareTo}, i.e. by Unicode code point, as R in the "C" collation; R in another locale (also
 *       {@code C.UTF-8} with ICU) may order letters
 *       of different case differently). The reference level is the first level unless one is named; each other level
 *       becomes a 0/1 column named column + level ({@code celltype} level {@code large} gives {@code celltypelarge}).
 * </ul>
 *
 * <p>Missing values must have been removed before (rows dropped). Stateless and thread-safe.
 */
public final class CovariateCoding {

  private CovariateCoding() {}

  /**
   * One raw covariate column.
   *
   * @param name the column name
   * @param values one value per subject, none null or missing
   * @param categorical true to treat as categorical even when every value is a number
   * @param reference the reference level of a categorical column, or null for the first in sorted order
   */
  public record RawColumn(String name, String[] values, boolean categorical, String reference) {}

  /** How one raw column was coded: its kind, levels and the reference level (null for a numeric column). */
  public record Coding(String name, boolean categorical, List<String> levels, String reference) {}

  /**
   * The model columns with how each raw column was coded.
   *
   * @param covariates the numeric model columns
   * @param codings one per raw column, in the order given
   */
  public record Result(CoxCovariates covariates, List<Coding> codings) {}

  /**
   * Codes the columns in the order given.
   *
   * @throws IllegalArgumentException when there is no column, the columns differ in length, a named reference level
   *     does not occur, or a categorical column has a single level (nothing to contrast)
   */
  public static Result code(List<RawColumn> raw) {
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("a Cox model needs at least one covariate");
    }
    int n = raw.get(0).values().length;
    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    for (RawColumn c : raw) {
      String[] v = c.values();
      if (v.length != n) {
        throw new IllegalArgumentException("covariate columns must have the same length");
      }
      double[] numbers = c.categorical() ? null : parseAll(v);
      if (numbers != null) {
        if (c.reference() != null) {
          throw new IllegalArgumentException("column '" + c.name() + "' is numeric, so it has no reference level;"
              + " treat it as categorical to choose one");
        }
        names.add(c.name());
        cols.add(numbers);
        codings.add(new Coding(c.name(), false, List.of(), null));
        continue;
      }
      List<String> levels = new ArrayList<>(new TreeSet<>(List.of(v)));
      String ref = c.reference() == null ? levels.get(0) : c.reference();
      if (!levels.contains(ref)) {
        throw new IllegalArgumentException("reference level '" + ref + "' does not occur in column '" + c.name()
            + "'; its levels are: " + String.join(", ", levels));
      }
      if (levels.size() < 2) {
        throw new IllegalArgumentException("column '" + c.name() + "' has only the level '" + ref
            + "' in the rows used; a categorical covariate needs at least two");
      }
      for (String level : levels) {
        if (level.equals(ref)) {
          continue;
        }
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
          d[i] = v[i].equals(level) ? 1 : 0;
        }
        names.add(c.name() + level);
        cols.add(d);
      }
      codings.add(new Coding(c.name(), true, List.copyOf(levels), ref));
    }
    return new Result(new CoxCovariates(names, cols.toArray(new double[0][])), codings);
  }

  /** The numbers, or null when some value is not a finite number. */
  private static double[] parseAll(String[] v) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      try {
        out[i] = Double.parseDouble(v[i]);
      } catch (NumberFormatException e) {
        return null;
      }
      if (!Double.isFinite(out[i])) {
        return null;
      }
    }
    return out;
  }
}
