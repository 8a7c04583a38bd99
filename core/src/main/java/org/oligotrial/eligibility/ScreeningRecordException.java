package org.oligotrial.eligibility;

/**
 * A screening record that cannot be read: malformed JSON, a wrong type, an unknown field, code, analyte or unit, or
 * an impossible value (a negative count, a birth date after the screening date, ECOG 7). The message is one line and
 * names line and field, e.g. {@code line 12, field labs.HGB.unit: unknown unit 'g/l' for HGB ...}; the file name is
 * added by the caller.
 */
public final class ScreeningRecordException extends RuntimeException {
  private final int line;
  private final int column;
  private final String field;
  private final String problem;

  /**
   * @param problem what is wrong, without place
   * @param line the 1-based line, 0 when unknown
   * @param column the 1-based column, 0 when unknown
   * @param field the dotted field path, e.g. {@code labs.HGB.value}; empty for the whole record
   */
  public ScreeningRecordException(String problem, int line, int column, String field) {
    super("line " + line + (field.isEmpty() ? "" : ", field " + field) + ": " + problem);
    this.line = line;
    this.column = column;
    this.field = field;
    this.problem = problem;
  }

  /** The 1-based line of the problem, 0 when unknown. */
  public int line() {
    return line;
  }

  /** The 1-based column of the problem, 0 when unknown. */
  public int column() {
    return column;
  }

  /** The dotted path of the offending field, empty for the whole record. */
  public String field() {
    return field;
  }

  /** What is wrong, without the place. */
  public String problem() {
    return problem;
  }
}
