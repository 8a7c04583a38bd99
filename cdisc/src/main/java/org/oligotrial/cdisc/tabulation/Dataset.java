package org.oligotrial.cdisc.tabulation;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One dataset: its metadata and its rows. A builder streams the subjects once and appends the rows; only the rows
 * of this one dataset are held. Values: {@link String} for text, {@link Long} or {@link BigDecimal} for numbers,
 * {@link LocalDate} for dates, null for missing. Not thread-safe.
 */
public final class Dataset {
  private final String name;
  private final String label;
  private final String datasetClass;
  private final String structure;
  private final boolean adam;
  private final List<Variable> variables;
  private final List<String> keys;
  private final List<Object[]> rows = new ArrayList<>();

  /**
   * @param name the dataset name (domain code, or ADaM name), at most 8 characters
   * @param label at most 40 characters
   * @param datasetClass the SDTM or ADaM class, e.g. {@code EVENTS}, {@code SUBJECT LEVEL ANALYSIS DATASET}
   * @param structure one record per ..., in words
   * @param adam whether ADaM (dates are numeric)
   * @param variables the columns in order
   * @param keys the key variables in sort order
   */
  public Dataset(String name, String label, String datasetClass, String structure, boolean adam,
      List<Variable> variables, List<String> keys) {
    this.name = Objects.requireNonNull(name);
    this.label = label;
    this.datasetClass = datasetClass;
    this.structure = structure;
    this.adam = adam;
    this.variables = List.copyOf(variables);
    this.keys = List.copyOf(keys);
  }

  public String name() {
    return name;
  }

  public String label() {
    return label;
  }

  public String datasetClass() {
    return datasetClass;
  }

  public String structure() {
    return structure;
  }

  public boolean adam() {
    return adam;
  }

  public List<Variable> variables() {
    return variables;
  }

  public List<String> keys() {
    return keys;
  }

  /** The rows (read-only view); each array in the order of {@link #variables()}. */
  public List<Object[]> rows() {
    return Collections.unmodifiableList(rows);
  }

  /** The index of a variable. @throws IllegalArgumentException when absent */
  public int index(String variable) {
    for (int i = 0; i < variables.size(); i++) {
      if (variables.get(i).name().equals(variable)) {
        return i;
      }
    }
    throw new IllegalArgumentException(name + " has no variable " + variable);
  }

  /** Appends a row. @throws IllegalArgumentException when the count or a type does not fit */
  public Dataset add(Object... values) {
    if (values.length != variables.size()) {
      throw new IllegalArgumentException(name + ": " + values.length + " values for " + variables.size()
          + " variables");
    }
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Integer n) {
        values[i] = v = (long) n;
      }
      if (v instanceof Double d) {
        values[i] = v = BigDecimal.valueOf(d);
      }
      if (v != null && !fits(variables.get(i).type(), v)) {
        throw new IllegalArgumentException(name + "." + variables.get(i).name() + ": " + v.getClass().getSimpleName()
            + " does not fit type " + variables.get(i).type());
      }
    }
    rows.add(values.clone());
    return this;
  }

  /** Appends a row given as variable name to value (absent names are missing). */
  public Dataset addNamed(java.util.Map<String, Object> values) {
    Object[] row = new Object[variables.size()];
    values.forEach((k, v) -> row[index(k)] = v);
    return add(row);
  }

  private static boolean fits(Variable.Type t, Object v) {
    return switch (t) {
      case TEXT -> v instanceof String;
      case INTEGER -> v instanceof Long;
      case FLOAT -> v instanceof Long || v instanceof BigDecimal;
      case DATE -> v instanceof LocalDate || v instanceof String;
    };
  }

  /**
   * The length of a variable as written: text in UTF-8 bytes, the longest value (at least 1, SDTMIG 3.4 section
   * 2.5 asks for lengths set to the longest value); numbers 8 bytes.
   */
  public int length(int column) {
    Variable v = variables.get(column);
    if (v.type().numeric(adam)) {
      return 8;
    }
    int max = 1;
    for (Object[] r : rows) {
      if (r[column] != null) {
        max = Math.max(max, text(r[column]).getBytes(StandardCharsets.UTF_8).length);
      }
    }
    return max;
  }

  /** A value as text: dates ISO 8601, decimals plain. */
  public static String text(Object v) {
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros().toPlainString();
    }
    return v.toString();
  }
}
