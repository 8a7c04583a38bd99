package org.oligotrial.protocol;

import java.util.List;

/**
 * A protocol file that cannot be loaded: malformed YAML or a structural error. Carries every problem found, each
 * with file, line, column and field path; the message is the first problem (and how many more there are), on one
 * line, e.g. {@code protocols/x.yaml:42:7: criteria[6].rule.lab.unit: unknown unit 'g/l' for HGB}.
 */
public final class ProtocolException extends RuntimeException {

  /**
   * One problem in a protocol file.
   *
   * @param file the file (or resource) name
   * @param line the 1-based line, 0 when unknown
   * @param column the 1-based column, 0 when unknown
   * @param field the dotted field path, empty for the document
   * @param message what is wrong
   */
  public record Problem(String file, int line, int column, String field, String message) {
    @Override
    public String toString() {
      return file + ":" + line + ":" + column + ": " + (field.isEmpty() ? "" : field + ": ") + message;
    }
  }

  private final List<Problem> problems;

  /** @param problems at least one problem */
  public ProtocolException(List<Problem> problems) {
    super(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    this.problems = List.copyOf(problems);
  }

  /** Every problem found, in file order. */
  public List<Problem> problems() {
    return problems;
  }
}
