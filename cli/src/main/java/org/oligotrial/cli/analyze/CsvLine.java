package org.oligotrial.cli.analyze;

import java.util.ArrayList;
import java.util.List;
import org.oligotrial.cli.UserInputException;

/**
 * Splits one line of a comma-separated file into fields: blanks around a field are dropped, a field may be quoted
 * with {@code "} (a doubled {@code ""} inside is a quote, commas inside are kept). Stateless and thread-safe.
 */
final class CsvLine {

  private CsvLine() {}

  /** Splits one CSV line; fields are trimmed of surrounding blanks and unquoted. */
  static List<String> split(String line, String name, int lineNo) {
    List<String> out = new ArrayList<>();
    int n = line.length();
    int i = 0;
    while (true) {
      while (i < n && line.charAt(i) == ' ') {
        i++;
      }
      if (i < n && line.charAt(i) == '"') {
        StringBuilder sb = new StringBuilder();
        i++;
        boolean closed = false;
        while (i < n) {
          char c = line.charAt(i++);
          if (c == '"') {
            if (i < n && line.charAt(i) == '"') {
              sb.append('"');
              i++;
            } else {
              closed = true;
              break;
            }
          } else {
            sb.append(c);
          }
        }
        if (!closed) {
          throw new UserInputException(name + " line " + lineNo + ": a quoted field is not closed");
        }
        while (i < n && line.charAt(i) != ',') {
          i++;
        }
        out.add(sb.toString());
      } else {
        int j = line.indexOf(',', i);
        int end = j < 0 ? n : j;
        out.add(line.substring(i, end).strip());
        i = end;
      }
      if (i >= n) {
        break;
      }
      i++; // the comma
      if (i == n) {
        out.add("");
        break;
      }
    }
    return out;
  }
}
