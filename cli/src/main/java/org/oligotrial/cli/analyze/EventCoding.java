package org.oligotrial.cli.analyze;

import java.util.Locale;
import java.util.function.IntUnaryOperator;
import org.oligotrial.cli.analyze.csv.CsvColumn;
import org.oligotrial.input.UserInputException;

/**
 * Reads an event column as R's {@code Surv()} reads a status: {@code 0}/{@code 1} (1 = event), logical
 * {@code true}/{@code false} (any case, also {@code T}/{@code F}), or {@code 1}/{@code 2} (2 = event) when the largest
 * value is 2. Anything else is an error naming the file, the line and the value. Stateless and thread-safe.
 */
final class EventCoding {

  private EventCoding() {}

  /**
   * The event indicators of {@code col} at the given rows (none missing).
   *
   * @param lineOfRow the file line of each row, for messages
   * @param name the file name, for messages
   * @throws UserInputException when a value is no event code, or logical and numeric codes are mixed
   */
  static boolean[] decode(CsvColumn col, int[] rowIndices, IntUnaryOperator lineOfRow, String name) {
    int m = rowIndices.length;
    boolean[] out = new boolean[m];
    if (col.kind() == CsvColumn.Kind.NUMBER) {
      if (col.otherCount() > 0) {
        if (logical(col.firstOther()) != null) {
          throw new UserInputException(name + ": column '" + col.name()
              + "' mixes true/false with numbers; use one coding for the event");
        }
        throw badEvent(name, lineOfRow.applyAsInt(col.firstOtherRow()), col.firstOther(), col.name());
      }
      double[] v = col.numbers();
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < m; j++) {
        max = Math.max(max, v[rowIndices[j]]);
      }
      double shift = max == 2 ? 1 : 0; // Surv(): status 1/2 means 1 = censored, 2 = event
      for (int j = 0; j < m; j++) {
        double c = v[rowIndices[j]] - shift;
        if (c == 1) {
          out[j] = true;
        } else if (c != 0) {
          throw badEvent(name, lineOfRow.applyAsInt(rowIndices[j]), CsvDataset.label(v[rowIndices[j]]), col.name());
        }
      }
      return out;
    }
    // text: every value must be logical; numbers among them are refused as a mixed coding
    String[] labels = col.labels();
    Boolean[] logical = new Boolean[labels.length];
    for (int d = 0; d < labels.length; d++) {
      logical[d] = logical(labels[d]);
    }
    int[] codes = col.codes();
    for (int j = 0; j < m; j++) {
      int d = codes[rowIndices[j]];
      Boolean b = logical[d];
      if (b == null) {
        if (col.numberCount() > 0 && org.oligotrial.survival.LevelOrder.isNumber(labels[d])) {
          throw new UserInputException(name + ": column '" + col.name()
              + "' mixes true/false with numbers; use one coding for the event");
        }
        throw badEvent(name, lineOfRow.applyAsInt(rowIndices[j]), labels[d], col.name());
      }
      out[j] = b;
    }
    return out;
  }

  private static UserInputException badEvent(String name, int line, String v, String column) {
    return new UserInputException(
        name + " line " + line + ": event '" + v + "' in column '" + column
            + "' must be 0/1 (1 = event), true/false, or 1/2 (2 = event)");
  }

  private static Boolean logical(String v) {
    switch (v.toLowerCase(Locale.ROOT)) {
      case "true", "t" -> {
        return Boolean.TRUE;
      }
      case "false", "f" -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }
}
