package org.oligotrial.cli.analyze.csv;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One column of a CSV file as read by {@link CsvReader}: numbers in a {@code double[]}, or text as codes into its
 * distinct values, never a {@code String} or a boxed number per cell.
 *
 * <ul>
 *   <li>A field that is empty, {@code NA}, or {@code .} (SAS's missing value) is missing, whatever the column.
 *   <li>A column is {@link Kind#NUMBER} while its first non-missing value is a number ({@link DecimalText}); a value
 *       that is not a number after that is kept out (NaN) and counted: {@link #otherCount()}, with the first one's
 *       row and text, so that a user of the column can refuse it with the line and value rather than misread it.
 *   <li>A column is {@link Kind#TEXT} when it was read as labels (a group, a stratum, a declared categorical
 *       covariate) or when its first non-missing value is not a number; numbers met later are counted too
 *       ({@link #numberCount()}).
 *   <li>Values that look like numbers written with a decimal comma ({@code 1,5}) are counted apart, for advice.
 * </ul>
 *
 * <p>Filled by one reader thread, then read-only and safe to share.
 */
public final class CsvColumn {

  /** How a column is held. */
  public enum Kind { NUMBER, TEXT }

  private final String name;
  private final boolean decimalComma;
  private Kind kind;
  private double[] numbers;
  private int[] codes;
  private ByteDictionary dictionary;
  private String[] labels;
  private int size;
  private int otherCount;
  private int firstOtherRow = -1;
  private String firstOther;
  private int numberCount;
  private int firstNumberRow = -1;
  private String firstNumber;
  private int decimalCommaCount;
  private int firstDecimalCommaRow = -1;
  private String firstDecimalComma;

  CsvColumn(String name, boolean asLabels, boolean decimalComma, int capacity) {
    this.name = name;
    this.decimalComma = decimalComma;
    if (asLabels) {
      kind = Kind.TEXT;
      codes = new int[capacity];
      dictionary = new ByteDictionary();
    } else {
      kind = Kind.NUMBER;
      numbers = new double[capacity];
    }
  }

  /** Whether the field is a missing value: empty, {@code NA} or {@code .}. */
  static boolean isMissing(byte[] b, int from, int to) {
    int len = to - from;
    return len == 0 || (len == 1 && b[from] == '.') || (len == 2 && b[from] == 'N' && b[from + 1] == 'A');
  }

  void add(byte[] b, int from, int to, int row) {
    if (row == capacity()) {
      grow();
    }
    size = row + 1;
    if (isMissing(b, from, to)) {
      if (kind == Kind.NUMBER) {
        numbers[row] = Double.NaN;
      } else {
        codes[row] = -1;
      }
      return;
    }
    double v = DecimalText.parse(b, from, to, decimalComma);
    boolean isNumber = !Double.isNaN(v);
    if (isNumber) {
      numberCount++;
      if (firstNumberRow < 0) {
        firstNumberRow = row;
        firstNumber = text(b, from, to);
      }
    } else {
      otherCount++;
      if (firstOtherRow < 0) {
        firstOtherRow = row;
        firstOther = text(b, from, to);
      }
      if (DecimalText.isDecimalComma(b, from, to)) {
        decimalCommaCount++;
        if (firstDecimalCommaRow < 0) {
          firstDecimalCommaRow = row;
          firstDecimalComma = text(b, from, to);
        }
      }
    }
    if (kind == Kind.NUMBER) {
      if (isNumber) {
        numbers[row] = v;
        return;
      }
      if (numberCount > 0) {
        numbers[row] = Double.NaN; // not a number among numbers: counted above, refused by whoever uses it
        return;
      }
      toText(row); // text from its first value on: a text column
    }
    codes[row] = dictionary.code(b, from, to);
  }

  private void toText(int row) {
    kind = Kind.TEXT;
    codes = new int[numbers.length];
    Arrays.fill(codes, 0, row, -1); // every earlier value was missing
    numbers = null;
    dictionary = new ByteDictionary();
  }

  private int capacity() {
    return kind == Kind.NUMBER ? numbers.length : codes.length;
  }

  private void grow() {
    int cap = capacity() + (capacity() >> 1) + 16;
    if (kind == Kind.NUMBER) {
      numbers = Arrays.copyOf(numbers, cap);
    } else {
      codes = Arrays.copyOf(codes, cap);
    }
  }

  /** Trims the arrays to {@code rows} and makes the labels; rows beyond the last filled one are missing. */
  void finish(int rows) throws CharacterCodingException {
    if (size < rows) {
      if (rows > capacity()) {
        grow();
      }
      if (kind == Kind.NUMBER) {
        Arrays.fill(numbers, size, rows, Double.NaN);
      } else {
        Arrays.fill(codes, size, rows, -1);
      }
    }
    size = rows;
    if (kind == Kind.NUMBER) {
      if (numbers.length != rows) {
        numbers = Arrays.copyOf(numbers, rows);
      }
    } else {
      if (codes.length != rows) {
        codes = Arrays.copyOf(codes, rows);
      }
      labels = dictionary.strings();
      dictionary = null;
    }
  }

  private static String text(byte[] b, int from, int to) {
    return new String(b, from, to - from, StandardCharsets.UTF_8);
  }

  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  public int size() {
    return size;
  }

  /** Whether row {@code row} is missing (for a number column also: not a number, see {@link #otherCount()}). */
  public boolean isMissing(int row) {
    return kind == Kind.NUMBER ? Double.isNaN(numbers[row]) : codes[row] < 0;
  }

  /** A number column's values, NaN where missing or not a number; not copied: do not change. */
  public double[] numbers() {
    return numbers;
  }

  /** A text column's codes into {@link #labels()}, -1 where missing; not copied: do not change. */
  public int[] codes() {
    return codes;
  }

  /** A text column's distinct values, in order of first appearance; not copied: do not change. */
  public String[] labels() {
    return labels;
  }

  /** How many non-missing values are not numbers (in a text column: every value that is not a number). */
  public int otherCount() {
    return otherCount;
  }

  /** The 0-based row of the first non-missing value that is not a number, or -1. */
  public int firstOtherRow() {
    return firstOtherRow;
  }

  /** The text of that value, or null. */
  public String firstOther() {
    return firstOther;
  }

  /** How many values are numbers. */
  public int numberCount() {
    return numberCount;
  }

  /** The 0-based row of the first value that is a number, or -1. */
  public int firstNumberRow() {
    return firstNumberRow;
  }

  /** The text of that value, or null. */
  public String firstNumber() {
    return firstNumber;
  }

  /** How many values look like numbers with a decimal comma (when the comma is not declared the separator). */
  public int decimalCommaCount() {
    return decimalCommaCount;
  }

  /** The 0-based row of the first such value, or -1. */
  public int firstDecimalCommaRow() {
    return firstDecimalCommaRow;
  }

  /** The text of that value, or null. */
  public String firstDecimalComma() {
    return firstDecimalComma;
  }
}
