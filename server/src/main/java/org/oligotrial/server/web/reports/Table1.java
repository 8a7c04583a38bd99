package org.oligotrial.server.web.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.protocol.RecordField;

/**
 * Baseline characteristics by arm: age (median and range), and for each categorical characteristic n (%) of the arm.
 * Percentages are of the arm's randomized participants; a missing value counts under "not known". Mutable while
 * built, then read by the page and the CSV.
 */
public final class Table1 {
  /** One row: a characteristic's level with the text per arm. */
  public record Row(String characteristic, String level, List<String> cells) {}

  private final List<String> arms;
  private final Map<String, List<Integer>> ages = new LinkedHashMap<>();
  private final Map<String, Integer> n = new LinkedHashMap<>();
  /** characteristic -> level -> arm -> count. */
  private final Map<String, Map<String, Map<String, Integer>>> counts = new LinkedHashMap<>();

  Table1(List<String> arms) {
    this.arms = arms;
    for (String a : arms) {
      ages.put(a, new ArrayList<>());
      n.put(a, 0);
    }
  }

  void add(String arm, ScreeningRecord r, Map<String, String> factors) {
    n.merge(arm, 1, Integer::sum);
    Integer age = TrialData.age(r);
    if (age != null) {
      ages.computeIfAbsent(arm, k -> new ArrayList<>()).add(age);
    }
    // the rows are the record fields the protocol flags with baseline: true (code, text, integer or flag fields), a
    // code by its label from the protocol and a flag as yes or no
    if (r != null) {
      for (RecordField f : r.declaration().baselineFields()) {
        Object v = r.value(f.path());
        count(capitalized(f.label() == null ? f.path() : f.label()), v == null ? null : f.valueLabel(v.toString()),
            arm);
      }
    }
    for (Map.Entry<String, String> f : factors.entrySet()) {
      count("Stratification: " + f.getKey(), f.getValue(), arm);
    }
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private void count(String characteristic, String level, String arm) {
    counts.computeIfAbsent(characteristic, k -> new LinkedHashMap<>())
        .computeIfAbsent(level == null ? "not known" : level, k -> new LinkedHashMap<>())
        .merge(arm, 1, Integer::sum);
  }

  public List<String> arms() {
    return arms;
  }

  public List<String> header() {
    List<String> h = new ArrayList<>();
    for (String a : arms) {
      h.add(a + " (n=" + n.getOrDefault(a, 0) + ")");
    }
    return h;
  }

  public List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    List<String> ageCells = new ArrayList<>();
    for (String a : arms) {
      List<Integer> v = new ArrayList<>(ages.getOrDefault(a, List.of()));
      v.sort(null);
      ageCells.add(v.isEmpty() ? "-" : String.format(Locale.ROOT, "%s (%d-%d)", median(v), v.get(0),
          v.get(v.size() - 1)));
    }
    rows.add(new Row("Age, years", "median (range)", ageCells));
    for (var c : counts.entrySet()) {
      for (var level : c.getValue().entrySet()) {
        List<String> cells = new ArrayList<>();
        for (String a : arms) {
          int k = level.getValue().getOrDefault(a, 0);
          int total = n.getOrDefault(a, 0);
          cells.add(total == 0 ? "0" : String.format(Locale.ROOT, "%d (%.0f%%)", k, 100.0 * k / total));
        }
        rows.add(new Row(c.getKey(), level.getKey(), cells));
      }
    }
    return rows;
  }

  public String csv() {
    StringBuilder s = new StringBuilder("characteristic,level");
    for (String h : header()) {
      s.append(',').append(quote(h));
    }
    s.append('\n');
    for (Row r : rows()) {
      s.append(quote(r.characteristic())).append(',').append(quote(r.level()));
      for (String c : r.cells()) {
        s.append(',').append(quote(c));
      }
      s.append('\n');
    }
    return s.toString();
  }

  private static String median(List<Integer> sorted) {
    int m = sorted.size();
    return m % 2 == 1 ? sorted.get(m / 2).toString()
        : String.format(Locale.ROOT, "%.1f", (sorted.get(m / 2 - 1) + sorted.get(m / 2)) / 2.0);
  }

  /** CSV quoting (RFC 4180); a leading =, +, - or @ is prefixed with ' so spreadsheets do not run it as a formula. */
  static String quote(String v) {
    String t = v == null ? "" : v;
    if (!t.isEmpty() && "=+-@".indexOf(t.charAt(0)) >= 0 && !t.matches("-?\\d.*")) {
      t = "'" + t;
    }
    return "\"" + t.replace("\"", "\"\"") + "\"";
  }
}
