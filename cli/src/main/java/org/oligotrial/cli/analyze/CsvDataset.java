package org.oligotrial.cli.analyze;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oligotrial.cli.UserInputException;

/**
 * A comma-separated dataset with a header line, read column-wise as text, as written by R's {@code write.csv} or a
 * spreadsheet. Fields may be quoted with {@code "} (a doubled {@code ""} inside is a quote); quoted fields may not
 * span lines. A field that is empty or {@code NA} (after trimming blanks) is missing.
 *
 * <p>{@link #survival} turns the chosen columns into {@link org.oligotrial.survival.SurvivalData}: rows with a
 * missing value in a used column are dropped and counted, as R's {@code survfit} and {@code survdiff} do with
 * {@code na.action = na.omit}. Everything wrong with the file is reported as a {@link UserInputException} with one line
 * naming the file, the line and the column. Instances are immutable and thread-safe.
 */
public final class CsvDataset {

  private final String name;
  private final List<String> header;
  private final Map<String, String[]> columns;
  private final int rows;
  private final int[] lineOfRow;

  private CsvDataset(String name, List<String> header, Map<String, String[]> columns, int rows, int[] lineOfRow) {
    this.name = name;
    this.header = header;
    this.columns = columns;
    this.rows = rows;
    this.lineOfRow = lineOfRow;
  }

  /** The line of the file (1 = header) that holds data row {@code row} (0-based), for messages. */
  public int line(int row) {
    return lineOfRow[row];
  }

  /** Reads every column of {@code file}. */
  public static CsvDataset read(Path file) {
    return read(file, null);
  }

  /**
   * Reads only the named columns of {@code file} (all when {@code wanted} is null), which saves memory on large files.
   *
   * @throws UserInputException when the file is missing, unreadable, empty, malformed or lacks a wanted column
   */
  public static CsvDataset read(Path file, Collection<String> wanted) {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = in.readLine();
      if (first == null || first.isBlank()) {
        throw new UserInputException(name + " is empty; expected a header line with the column names");
      }
      if (first.startsWith("\uFEFF")) {
        first = first.substring(1); // byte-order mark written by some spreadsheets
      }
      List<String> header = CsvLine.split(first, name, 1);
      int width = header.size();
      int[] keep = keepIndices(header, wanted, name);
      List<List<String>> cols = new ArrayList<>();
      for (int k = 0; k < keep.length; k++) {
        cols.add(new ArrayList<>());
      }
      String line;
      int lineNo = 1;
      int rows = 0;
      int[] lines = new int[1024];
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> f = CsvLine.split(line, name, lineNo);
        if (f.size() != width) {
          throw new UserInputException(
              name + " line " + lineNo + ": " + f.size() + " fields, but the header has " + width);
        }
        for (int k = 0; k < keep.length; k++) {
          cols.get(k).add(f.get(keep[k]));
        }
        if (rows == lines.length) {
          lines = Arrays.copyOf(lines, rows * 2);
        }
        lines[rows++] = lineNo;
      }
      Map<String, String[]> columns = new LinkedHashMap<>();
      for (int k = 0; k < keep.length; k++) {
        columns.put(header.get(keep[k]), cols.get(k).toArray(new String[0]));
      }
      return new CsvDataset(name, List.copyOf(header), columns, rows, Arrays.copyOf(lines, rows));
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserInputException(name + " is not UTF-8 text; save it as CSV (UTF-8)", e);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such file: " + name, e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new UserInputException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private static int[] keepIndices(List<String> header, Collection<String> wanted, String name) {
    if (wanted == null) {
      int[] all = new int[header.size()];
      Arrays.setAll(all, i -> i);
      return all;
    }
    List<Integer> idx = new ArrayList<>();
    for (String w : wanted) {
      int i = header.indexOf(w);
      if (i < 0) {
        throw missingColumn(name, w, header);
      }
      if (!idx.contains(i)) {
        idx.add(i);
      }
    }
    return idx.stream().mapToInt(Integer::intValue).toArray();
  }

  private static UserInputException missingColumn(String name, String column, List<String> header) {
    return new UserInputException(
        name + " has no column '" + column + "'; its columns are: " + String.join(", ", header));
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

  /** The raw text of a column (missing values as written), one entry per row; a copy. */
  public String[] column(String column) {
    return raw(column).clone();
  }

  String[] raw(String column) {
    String[] c = columns.get(column);
    if (c == null) {
      throw missingColumn(name, column, header);
    }
    return c;
  }

  /** Whether a field is missing: empty or {@code NA}. */
  public static boolean isMissing(String field) {
    return field.isEmpty() || field.equals("NA");
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
    int[] kept = completeRows(used);
    int m = kept.length;
    if (rows == 0) {
      throw new UserInputException(name + " has a header line but no data rows");
    }
    if (m == 0) {
      throw new UserInputException(
          name + ": no row has a value in every used column (" + String.join(", ", used) + ")");
    }
    double[] t = numeric(time, kept);
    String[] tc = raw(time);
    for (int j = 0; j < m; j++) {
      if (t[j] < 0) {
        throw new UserInputException(
            name + " line " + line(kept[j]) + ": time '" + tc[kept[j]] + "' in column '" + time + "' is negative");
      }
    }
    boolean[] e = events(event, kept);
    String[] g = group == null ? null : text(group, kept);
    String[] s = strata == null ? null : text(strata, kept);
    return new SurvivalSelection(
        org.oligotrial.survival.SurvivalData.of(t, e, g, s), rows - m, kept, this);
  }

  /** The indices of the rows with a value in every one of {@code used}. */
  public int[] completeRows(Collection<String> used) {
    boolean[] drop = new boolean[rows];
    for (String c : used) {
      String[] col = raw(c);
      for (int i = 0; i < rows; i++) {
        if (isMissing(col[i])) {
          drop[i] = true;
        }
      }
    }
    int m = 0;
    for (boolean d : drop) {
      if (!d) {
        m++;
      }
    }
    int[] kept = new int[m];
    for (int i = 0, j = 0; i < rows; i++) {
      if (!drop[i]) {
        kept[j++] = i;
      }
    }
    return kept;
  }

  /**
   * The numbers in {@code column} at the given rows.
   *
   * @throws UserInputException naming the line when a value is not a finite number
   */
  public double[] numeric(String column, int[] rowIndices) {
    String[] col = raw(column);
    double[] out = new double[rowIndices.length];
    for (int j = 0; j < rowIndices.length; j++) {
      String v = col[rowIndices[j]];
      double x;
      try {
        x = Double.parseDouble(v);
      } catch (NumberFormatException ex) {
        x = Double.NaN;
      }
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        throw new UserInputException(
            name + " line " + line(rowIndices[j]) + ": '" + v + "' in column '" + column + "' is not a number");
      }
      out[j] = x;
    }
    return out;
  }

  /** The labels in {@code column} at the given rows. */
  public String[] text(String column, int[] rowIndices) {
    String[] col = raw(column);
    String[] out = new String[rowIndices.length];
    for (int j = 0; j < rowIndices.length; j++) {
      out[j] = col[rowIndices[j]];
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
    return EventCoding.decode(raw(column), rowIndices, lineOfRow, name, column);
  }
}
