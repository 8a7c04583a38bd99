package org.oligotrial.cli.analyze;

import org.oligotrial.cli.UserInputException;

/**
 * Reads an event column as R's {@code Surv()} reads a status: {@code 0}/{@code 1} (1 = event), logical
 * {@code true}/{@code false} (any case, also {@code T}/{@code F}), or {@code 1}/{@code 2} (2 = event) when the largest
 * value is 2. Anything else is an error naming the file, the line and the value. Stateless and thread-safe.
 */
final class EventCoding {

  private EventCoding() {}

  /**
   * The event indicators of {@code col} at the given rows.
   *
   * @param lineOfRow the file line of each row, for messages
   * @param name the file name, for messages
   * @throws UserInputException when a value is no event code, or logical and numeric codes are mixed
   */
  static boolean[] decode(String[] col, int[] rowIndices, int[] lineOfRow, String name, String column) {
    int m = rowIndices.length;
    double[] code = new double[m];
    boolean logical = false;
    boolean numericSeen = false;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < m; j++) {
      String v = col[rowIndices[j]];
      if (v.length() == 1 && v.charAt(0) >= '0' && v.charAt(0) <= '2') { // the common 0/1 and 1/2 codes, fast
        double x = v.charAt(0) - '0';
        numericSeen = true;
        code[j] = x;
        max = Math.max(max, x);
        continue;
      }
      Boolean b = logical(v);
      if (b != null) {
        logical = true;
        code[j] = b ? 1 : 0;
        continue;
      }
      double x;
      try {
        x = Double.parseDouble(v);
      } catch (NumberFormatException ex) {
        throw badEvent(name, lineOfRow[rowIndices[j]], v, column);
      }
      numericSeen = true;
      code[j] = x;
      max = Math.max(max, x);
    }
    if (logical && numericSeen) {
      throw new UserInputException(
          name + ": column '" + column + "' mixes true/false with numbers; use one coding for the event");
    }
    double shift = !logical && max == 2 ? 1 : 0; // Surv(): status 1/2 means 1 = censored, 2 = event
    boolean[] out = new boolean[m];
    for (int j = 0; j < m; j++) {
      double c = code[j] - shift;
      if (c == 1) {
        out[j] = true;
      } else if (c != 0) {
        throw badEvent(name, lineOfRow[rowIndices[j]], col[rowIndices[j]], column);
      }
    }
    return out;
  }

  private static UserInputException badEvent(String name, int line, String v, String column) {
    return new UserInputException(
        name + " line " + line + ": event '" + v + "' in column '" + column
            + "' must be 0/1 (1 = event), true/false, or 1/2 (2 = event)");
  }

  private static Boolean logical(String v) {
    switch (v.toLowerCase(java.util.Locale.ROOT)) {
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
