package org.oligotrial.survival.cox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.oligotrial.survival.LevelOrder;

/**
 * Turns covariate columns into the numeric columns of a Cox model, as R's {@code model.matrix} does with treatment
 * contrasts.
 *
 * <ul>
 *   <li>A numeric column becomes one column with its own name. A raw (text) column is numeric when every value is a
 *       decimal number ({@link LevelOrder#isNumber}), unless it is declared categorical.
 *   <li>A raw column none of whose values is a number is categorical; one with some numbers and some other values
 *       is refused (a missing value written as a word, a typing error): it is never silently made categorical. A
 *       column that is numbers and categorical must be declared so.
 *   <li>A categorical column's levels are ordered by {@link LevelOrder}: by value when all are numbers (the levels of
 *       {@code pat.karno} are 30, 40, ..., 100), otherwise as text. The reference level is the first level unless one
 *       is named; each other level becomes a 0/1 column named column + level ({@code celltype} level {@code large}
 *       gives {@code celltypelarge}).
 *   <li>A categorical column with more than {@value #MANY_LEVELS} levels and at least one level for every two rows
 *       ({@code 2 levels >= rows}) is refused as almost surely a mistake: an identifier, free text, or numbers that
 *       were not read as numbers; it would give a coefficient for nearly every subject.
 * </ul>
 *
 * <p>Missing values must have been removed before (rows dropped). Stateless and thread-safe.
 */
public final class CovariateCoding {

  /** A categorical column with more levels than this is refused when it also has a level for every two rows. */
  public static final int MANY_LEVELS = 20;

  private CovariateCoding() {}

  /** A covariate column as the caller has it. */
  public sealed interface Column permits RawColumn, NumericColumn, FactorColumn {
    /** The column name. */
    String name();
  }

  /**
   * One raw covariate column (text).
   *
   * @param name the column name
   * @param values one value per subject, none null or missing
   * @param categorical true to treat as categorical even when every value is a number
   * @param reference the reference level of a categorical column, or null for the first in level order
   */
  public record RawColumn(String name, String[] values, boolean categorical, String reference) implements Column {}

  /**
   * A numeric covariate column.
   *
   * @param values one finite value per subject (not copied)
   */
  public record NumericColumn(String name, double[] values) implements Column {}

  /**
   * A categorical covariate column already coded, as a file reader has it.
   *
   * @param codes one index into {@code levels} per subject (not copied)
   * @param levels the distinct levels in {@link LevelOrder}
   * @param reference the reference level, or null for the first
   */
  public record FactorColumn(String name, int[] codes, List<String> levels, String reference) implements Column {}

  /** How one column was coded: its kind, levels and the reference level (null for a numeric column). */
  public record Coding(String name, boolean categorical, List<String> levels, String reference) {}

  /**
   * The model columns with how each column was coded.
   *
   * @param covariates the numeric model columns
   * @param codings one per column, in the order given
   */
  public record Result(CoxCovariates covariates, List<Coding> codings) {}

  /**
   * Codes the columns in the order given.
   *
   * @throws IllegalArgumentException when there is no column, the columns differ in length, a raw column mixes numbers
   *     and other values, a named reference level does not occur, a categorical column has a single level or nearly
   *     one level per row, or the model matrix would not fit in one array
   */
  public static Result code(List<? extends Column> columns) {
    if (columns.isEmpty()) {
      throw new IllegalArgumentException("a Cox model needs at least one covariate");
    }
    int n = length(columns.get(0));
    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    List<Coding> codings = new ArrayList<>();
    for (Column c : columns) {
      if (length(c) != n) {
        throw new IllegalArgumentException("covariate columns must have the same length");
      }
      Column resolved = c instanceof RawColumn r ? resolve(r) : c;
      if (resolved instanceof NumericColumn num) {
        names.add(num.name());
        cols.add(num.values());
        codings.add(new Coding(num.name(), false, List.of(), null));
      } else {
        FactorColumn f = (FactorColumn) resolved;
        codings.add(dummies(f, n, names, cols));
      }
    }
    if ((long) cols.size() * n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("the model would have " + cols.size() + " columns of " + n
          + " rows, more values than one array holds; use fewer covariates or levels");
    }
    return new Result(new CoxCovariates(names, cols.toArray(new double[0][])), codings);
  }

  private static int length(Column c) {
    if (c instanceof RawColumn r) {
      return r.values().length;
    }
    if (c instanceof NumericColumn num) {
      return num.values().length;
    }
    return ((FactorColumn) c).codes().length;
  }

  /** A raw column as numbers, or as coded levels. */
  private static Column resolve(RawColumn c) {
    String[] v = c.values();
    if (!c.categorical()) {
      double[] numbers = new double[v.length];
      int firstNumber = -1;
      int firstOther = -1;
      for (int i = 0; i < v.length; i++) {
        if (LevelOrder.isNumber(v[i])) {
          numbers[i] = Double.parseDouble(v[i]);
          firstNumber = firstNumber < 0 ? i : firstNumber;
        } else {
          firstOther = firstOther < 0 ? i : firstOther;
        }
      }
      if (firstOther < 0) {
        if (c.reference() != null) {
          throw new IllegalArgumentException("column '" + c.name() + "' is numeric, so it has no reference level;"
              + " treat it as categorical to choose one");
        }
        return new NumericColumn(c.name(), numbers);
      }
      if (firstNumber >= 0) {
        throw new IllegalArgumentException("column '" + c.name() + "' holds numbers ('" + v[firstNumber]
            + "', row " + (firstNumber + 1) + ") and the value '" + v[firstOther] + "' (row " + (firstOther + 1)
            + "), which is not a number; remove or correct it, or declare the column categorical");
      }
    }
    Map<String, Integer> index = new HashMap<>();
    List<String> levels = LevelOrder.sort(new LinkedHashSet<>(List.of(v)));
    for (int k = 0; k < levels.size(); k++) {
      index.put(levels.get(k), k);
    }
    int[] codes = new int[v.length];
    for (int i = 0; i < v.length; i++) {
      codes[i] = index.get(v[i]);
    }
    return new FactorColumn(c.name(), codes, levels, c.reference());
  }

  /** Adds one 0/1 column per level other than the reference. */
  private static Coding dummies(FactorColumn f, int n, List<String> names, List<double[]> cols) {
    List<String> levels = f.levels();
    String ref = f.reference() == null ? levels.get(0) : f.reference();
    int refIndex = levels.indexOf(ref);
    if (refIndex < 0) {
      throw new IllegalArgumentException("reference level '" + ref + "' does not occur in column '" + f.name()
          + "'; its levels are: " + String.join(", ", levels));
    }
    if (levels.size() < 2) {
      throw new IllegalArgumentException("column '" + f.name() + "' has only the level '" + ref
          + "' in the rows used; a categorical covariate needs at least two");
    }
    if (levels.size() > MANY_LEVELS && 2L * levels.size() >= n) {
      throw new IllegalArgumentException("column '" + f.name() + "' has " + levels.size() + " levels in " + n
          + " rows (for example '" + levels.get(0) + "', '" + levels.get(1) + "'): a categorical covariate with"
          + " nearly one level per row is almost surely a mistake (an identifier, free text, or numbers that were"
          + " not read as numbers); leave it out or correct its values");
    }
    double[][] d = new double[levels.size()][];
    for (int k = 0; k < levels.size(); k++) {
      if (k != refIndex) {
        d[k] = new double[n];
        names.add(f.name() + levels.get(k));
        cols.add(d[k]);
      }
    }
    int[] codes = f.codes();
    for (int i = 0; i < n; i++) {
      int k = codes[i];
      if (k != refIndex) {
        d[k][i] = 1;
      }
    }
    return new Coding(f.name(), true, List.copyOf(levels), ref);
  }
}
