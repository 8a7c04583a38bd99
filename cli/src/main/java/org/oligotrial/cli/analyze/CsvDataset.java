package org.oligotrial.cli.analyze;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oligotrial.cli.analyze.csv.CsvColumn;
import org.oligotrial.cli.analyze.csv.CsvReader;
import org.oligotrial.input.UserInputException;
import org.oligotrial.survival.LevelOrder;
import org.oligotrial.survival.SurvivalData;

/**
 * A comma-separated dataset with a header line, as written by R's {@code write.csv}, {@code fwrite} or a
 * spreadsheet, read column-wise into primitive arrays by {@link CsvReader} (RFC 4180 quoting, line breaks inside
 * quoted fields, {@code ;}-separated files).
 *
 * <p>Missing values are empty fields, {@code NA}, and {@code .} (as SAS writes a missing number). A column used as
 * numbers (a time, a numeric covariate) must hold only numbers and missing values: any other value is an error naming
 * the file, the line, the column and the value, never read as missing or as a category. A value such as {@code 1,5}
 * is recognised as a decimal comma and refused with advice, or read as 1.5 with {@code --decimal-comma}.
 *
 * <p>{@link #survival} turns the chosen columns into {@link SurvivalData}: rows with a missing value in a used column
 * are dropped and counted, as R's {@code survfit} and {@code survdiff} do with {@code na.action = na.omit}. Levels of
 * a group, stratum or categorical column are ordered by {@link LevelOrder} (by value when all are numbers). Every
 * problem is reported as a {@link UserInputException} with one line. Read-only after reading; thread-safe.
 */
public final class CsvDataset {

  private final String name;
  private final List<String> header;
  private final Map<String, CsvColumn> columns;
  private final int rows;
  private final int[] lineOfRow;

  private CsvDataset(String name, CsvReader.Result r) {
    this.name = name;
    this.header = r.header();
    this.columns = r.columns();
    this.rows = r.rows();
    this.lineOfRow = r.lineOfRow();
  }

  /** The line of the file (1 = header) where data row {@code row} (0-based) starts, for messages. */
  public int line(int row) {
    return lineOfRow == null ? row + 2 : lineOfRow[row];
  }

  /** Reads every column of {@code file}, each as numbers when its first value is a number, otherwise as text. */
  public static CsvDataset read(Path file) {
    return read(file, null);
  }

  /**
   * Reads only the named columns of {@code file} (all when {@code wanted} is null), which saves memory on large files.
   *
   * @throws UserInputException when the file is missing, unreadable, empty, malformed or lacks a wanted column
   */
  public static CsvDataset read(Path file, Collection<String> wanted) {
    return read(file, wanted, Set.of(), false);
  }

  /**
   * Reads the named columns, those in {@code labelColumns} as text labels (groups, strata, categorical covariates).
   *
   * @param decimalComma whether numbers are written with a decimal comma ({@code 1,5}; {@code --decimal-comma})
   */
  public static CsvDataset read(Path file, Collection<String> wanted, Set<String> labelColumns,
      boolean decimalComma) {
    return new CsvDataset(file.toString(), CsvReader.read(file, wanted, labelColumns, decimalComma));
  }

  /** The file name as given, for messages. */
  public String name() {
    return name;
  }

  /** The column names of the file, in file order. */
  public List<String> header() {
    return header;
  }

  /** The number of data rows (blank lines are not rows). */
  public int rowCount() {
    return rows;
  }

  /** Whether the column was read. */
  public boolean hasColumn(String column) {
    return columns.containsKey(column);
  }

  /** The values of a column as text, one per row ({@code NA} where missing; numbers as R prints them). */
  public String[] column(String column) {
    CsvColumn c = raw(column);
    String[] out = new String[rows];
    for (int i = 0; i < rows; i++) {
      if (c.kind() == CsvColumn.Kind.NUMBER) {
        out[i] = c.isMissing(i) ? "NA" : label(c.numbers()[i]);
      } else {
        out[i] = c.codes()[i] < 0 ? "NA" : c.labels()[c.codes()[i]];
      }
    }
    return out;
  }

  CsvColumn raw(String column) {
    CsvColumn c = columns.get(column);
    if (c == null) {
      throw new UserInputException(
          name + " has no column '" + column + "'; its columns are: " + String.join(", ", header));
    }
    return c;
  }

  /** Whether a field is missing: empty, {@code NA}, or {@code .}. */
  public static boolean isMissing(String field) {
    return field.isEmpty() || field.equals("NA") || field.equals(".");
  }

  /**
   * The survival data in the named columns, without the rows that miss a value in any of them.
   *
   * <p>The time column must hold non-negative numbers. The event column holds {@code 0}/{@code 1} (1 = event),
   * {@code true}/{@code false}, or &mdash; as R's {@code Surv} accepts &mdash; {@code 1}/{@code 2} (2 = event) when
   * its largest value is 2. Group and strata columns hold any labels.
   *
   * @param time the follow-up time column
   * @param event the event indicator column
   * @param group the group (arm) column, or null for one group
   * @param strata the strata column, or null for one stratum
   * @param alsoRequired further columns (covariates) whose missing values also drop a row
   * @throws UserInputException when a column is missing, a time is not a non-negative number, an event value is not
   *     recognised, no row is complete, or no event was observed
   */
  public SurvivalSelection survival(
      String time, String event, String group, String strata, String... alsoRequired) {
    List<String> used = new ArrayList<>(List.of(time, event));
    if (group != null) {
      used.add(group);
    }
    if (strata != null) {
      used.add(strata);
    }
    used.addAll(Arrays.asList(alsoRequired));
    for (String c : used) {
      raw(c);
    }
    requireNumbers(time);
    if (rows == 0) {
      throw new UserInputException(name + " has a header line but no data rows");
    }
    int[] kept = completeRows(used);
    int m = kept.length;
    if (m == 0) {
      throw new UserInputException(
          name + ": no row has a value in every used column (" + String.join(", ", used) + ")");
    }
    double[] t = numeric(time, kept);
    for (int j = 0; j < m; j++) {
      if (t[j] < 0) {
        throw new UserInputException(name + " line " + line(kept[j]) + ": time '" + label(t[j]) + "' in column '"
            + time + "' is negative");
      }
    }
    boolean[] e = events(event, kept);
    Levels g = group == null ? null : levels(group, kept);
    Levels s = strata == null ? null : levels(strata, kept);
    SurvivalData data = SurvivalData.ofCodes(t, e, g == null ? null : g.codes(), g == null ? null : g.labels(),
        s == null ? null : s.codes(), s == null ? null : s.labels());
    return new SurvivalSelection(data, rows - m, kept, this);
  }

  /** The indices of the rows with a value in every one of {@code used}. */
  public int[] completeRows(Collection<String> used) {
    boolean[] drop = new boolean[rows];
    int dropped = 0;
    for (String name : used) {
      CsvColumn c = raw(name);
      if (c.kind() == CsvColumn.Kind.NUMBER) {
        double[] v = c.numbers();
        for (int i = 0; i < rows; i++) {
          if (v[i] != v[i] && !drop[i]) { // NaN: missing
            drop[i] = true;
            dropped++;
          }
        }
      } else {
        int[] v = c.codes();
        for (int i = 0; i < rows; i++) {
          if (v[i] < 0 && !drop[i]) {
            drop[i] = true;
            dropped++;
          }
        }
      }
    }
    int[] kept = new int[rows - dropped];
    for (int i = 0, j = 0; i < rows; i++) {
      if (!drop[i]) {
        kept[j++] = i;
      }
    }
    return kept;
  }

  /**
   * Refuses a column that is to be read as numbers but holds something else than numbers and missing values, naming
   * the first such value and its line.
   *
   * @throws UserInputException when the column holds a value that is not a number
   */
  public void requireNumbers(String column) {
    requireNumbers(column, "");
  }

  /** {@link #requireNumbers(String)} with {@code hint} added to the message where the fix is not a decimal comma. */
  void requireNumbers(String column, String hint) {
    CsvColumn c = raw(column);
    if (c.otherCount() == 0) {
      return;
    }
    int row = c.firstOtherRow();
    String value = c.firstOther();
    StringBuilder msg = new StringBuilder(name + " line " + line(row) + ": '" + value + "' in column '" + column
        + "' is not a number");
    if (c.decimalCommaCount() > 0) {
      msg.append("; ").append(c.decimalCommaCount() == c.otherCount() ? "its values look like" : "it has")
          .append(" numbers written with a decimal comma (line ").append(line(c.firstDecimalCommaRow()))
          .append(": '").append(c.firstDecimalComma())
          .append("'): save the file with decimal points, or read it with --decimal-comma");
    } else {
      msg.append(" (").append(c.otherCount()).append(" such value").append(c.otherCount() == 1 ? "" : "s")
          .append("); a missing value is written NA, . or left empty").append(hint);
    }
    throw new UserInputException(msg.toString());
  }

  /**
   * The numbers in {@code column} at the given rows. When every row is given the column itself is returned, not a
   * copy (a large file is not held twice): do not change it.
   *
   * @throws UserInputException naming the line when a value of the column is not a finite number
   */
  public double[] numeric(String column, int[] rowIndices) {
    requireNumbers(column);
    double[] v = raw(column).numbers();
    if (rowIndices.length == rows) {
      return v; // every row kept: the indices are 0 .. rows-1
    }
    double[] out = new double[rowIndices.length];
    for (int j = 0; j < rowIndices.length; j++) {
      out[j] = v[rowIndices[j]];
    }
    return out;
  }

  /**
   * The levels of a group, stratum or categorical column at the given rows (which hold no missing value): the codes
   * index the levels present there, in {@link LevelOrder}. Labels written as different numbers of equal value
   * ({@code 1}, {@code 1.0}) are one level, as in R where the column is read as numbers.
   *
   * @param codes one code per given row
   * @param labels the levels in order
   */
  public record Levels(int[] codes, List<String> labels) {}

  /** The levels of {@code column} at the given rows; see {@link Levels}. */
  public Levels levels(String column, int[] rowIndices) {
    CsvColumn c = raw(column);
    int m = rowIndices.length;
    if (c.kind() == CsvColumn.Kind.NUMBER) {
      requireNumbers(column);
      double[] v = c.numbers();
      double[] sorted = new double[m];
      for (int j = 0; j < m; j++) {
        sorted[j] = v[rowIndices[j]];
      }
      Arrays.sort(sorted);
      int k = 0;
      for (int j = 0; j < m; j++) {
        if (j == 0 || sorted[j] != sorted[k - 1]) {
          sorted[k++] = sorted[j];
        }
      }
      double[] distinct = Arrays.copyOf(sorted, k);
      List<String> labels = new ArrayList<>(k);
      for (double d : distinct) {
        labels.add(label(d));
      }
      int[] codes = new int[m];
      for (int j = 0; j < m; j++) {
        codes[j] = Arrays.binarySearch(distinct, v[rowIndices[j]]);
      }
      return new Levels(codes, List.copyOf(labels));
    }
    int[] code = c.codes();
    String[] dict = c.labels();
    boolean[] present = new boolean[dict.length];
    for (int j = 0; j < m; j++) {
      present[code[rowIndices[j]]] = true;
    }
    List<String> used = new ArrayList<>();
    for (int d = 0; d < dict.length; d++) {
      if (present[d]) {
        used.add(dict[d]);
      }
    }
    List<String> sorted = LevelOrder.sort(used);
    boolean numbers = LevelOrder.allNumbers(used);
    java.util.Map<String, Integer> levelOf = new java.util.HashMap<>();
    List<String> labels = new ArrayList<>();
    double previous = Double.NaN;
    for (String l : sorted) {
      double value = numbers ? Double.parseDouble(l) : Double.NaN;
      if (!(numbers && value == previous)) {
        labels.add(l);
      }
      levelOf.put(l, labels.size() - 1);
      previous = value;
    }
    int[] remap = new int[dict.length];
    for (int d = 0; d < dict.length; d++) {
      remap[d] = present[d] ? levelOf.get(dict[d]) : -1;
    }
    int[] codes = new int[m];
    for (int j = 0; j < m; j++) {
      codes[j] = remap[code[rowIndices[j]]];
    }
    return new Levels(codes, List.copyOf(labels));
  }

  /** The labels of {@code column} at the given rows (see {@link #levels}). */
  public String[] text(String column, int[] rowIndices) {
    Levels l = levels(column, rowIndices);
    String[] out = new String[rowIndices.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = l.labels().get(l.codes()[j]);
    }
    return out;
  }

  /**
   * The event indicators in {@code column} at the given rows: 0/1, true/false (any case, also T/F), or R's 1/2 coding
   * when the largest value is 2.
   *
   * @throws UserInputException naming the line when a value is none of these
   */
  public boolean[] events(String column, int[] rowIndices) {
    return EventCoding.decode(raw(column), rowIndices, this::line, name);
  }

  /** A number as R prints a factor level made from it: 30, 1.5, 15 significant digits at most. */
  static String label(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(15)).stripTrailingZeros().toPlainString();
  }
}
