package org.oligotrial.cli.analyze.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oligotrial.input.UserInputException;

/**
 * Reads a CSV file (RFC 4180, as R's {@code write.csv}, {@code data.table::fwrite} or a spreadsheet writes it) column by
 * column into {@link CsvColumn}s, straight from the bytes: one pass over a 1 MiB buffer, no line strings, no field
 * strings, no boxed numbers; memory is the kept columns' primitive arrays (8 bytes a row for a number column, 4 for a
 * text column) plus the buffer.
 *
 * <p>The format:
 *
 * <ul>
 *   <li>The first line names the columns; a name may not appear twice (empty names excepted). A UTF-8 byte-order
 *       mark is skipped.
 *   <li>Fields are separated by {@code ,}; a file whose header has no comma but a {@code ;} is read with {@code ;}
 *       (the European spreadsheet export, as R's {@code read.csv2}).
 *   <li>A field may be quoted with {@code "}: inside, {@code ""} is a quote and separators and line breaks are part
 *       of the value; only blanks may follow the closing quote. Blanks around a field are dropped.
 *   <li>Lines end with LF or CRLF; blank lines are skipped; every other line must have as many fields as the header.
 *   <li>The text must be UTF-8.
 * </ul>
 *
 * <p>Errors are {@link UserInputException}s naming the file and line. Not thread-safe; one reader per file.
 */
public final class CsvReader {

  private static final int END = 0;
  private static final int RECORD = 1;
  private static final int NEED_MORE = 2;

  /**
   * What was read.
   *
   * @param header the column names in file order
   * @param columns the kept columns by name, in the order asked for
   * @param rows the number of data rows
   * @param lineOfRow the file line (1 = header) where each row starts, or null when row {@code r} is on line
   *     {@code r + 2} for every row (no blank line, no line break inside a field)
   */
  public record Result(List<String> header, Map<String, CsvColumn> columns, int rows, int[] lineOfRow) {}

  private final String name;
  private final InputStream in;
  private final long fileSize;
  private byte[] buf = new byte[1 << 20];
  private int len;
  private int pos;
  private boolean eof;
  private byte sep = ',';
  private int line = 1;
  private int[] fs = new int[64];
  private int[] fe = new int[64];
  private boolean[] escaped = new boolean[64];
  private boolean[] quoted = new boolean[64];
  private int fields;
  /** Fields after this one are counted, not kept (none of them is wanted). */
  private int lastKept = Integer.MAX_VALUE;
  private byte[] scratch = new byte[256];

  private CsvReader(String name, InputStream in, long fileSize) {
    this.name = name;
    this.in = in;
    this.fileSize = fileSize;
  }

  /**
   * Reads the wanted columns of {@code file}.
   *
   * @param wanted the columns to keep, or null for all
   * @param labelColumns columns to read as text labels even when they hold numbers (groups, strata, categorical)
   * @param decimalComma whether numbers are written with a decimal comma ({@code 1,5})
   * @throws UserInputException when the file is missing, unreadable, not UTF-8, malformed, or lacks a wanted column
   */
  public static Result read(Path file, Collection<String> wanted, Set<String> labelColumns, boolean decimalComma) {
    String name = file.toString();
    try (InputStream in = Files.newInputStream(file)) {
      return new CsvReader(name, in, Files.size(file)).run(wanted, labelColumns, decimalComma);
    } catch (CharacterCodingException e) {
      throw new UserInputException(name + " is not UTF-8 text; save it as CSV (UTF-8)", e);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such file: " + name, e);
    } catch (IOException e) {
      throw new UserInputException("cannot read " + name + ": " + e.getMessage(), e);
    }
  }

  private Result run(Collection<String> wanted, Set<String> labelColumns, boolean decimalComma) throws IOException {
    fill();
    if (len >= 3 && (buf[0] & 0xff) == 0xEF && (buf[1] & 0xff) == 0xBB && (buf[2] & 0xff) == 0xBF) {
      pos = 3; // byte-order mark written by some spreadsheets
    }
    sep = separator();
    int status;
    while ((status = parseRecord()) == NEED_MORE) {
      more();
    }
    if (status == END || (fields == 1 && fs[0] == fe[0] && !quoted[0])) {
      throw new UserInputException(name + " is empty; expected a header line with the column names");
    }
    List<String> header = header();
    int width = header.size();
    List<String> keep = wanted == null ? header : List.copyOf(new java.util.LinkedHashSet<>(wanted));
    int[] index = new int[keep.size()];
    for (int k = 0; k < index.length; k++) {
      index[k] = header.indexOf(keep.get(k));
      if (index[k] < 0) {
        throw new UserInputException(
            name + " has no column '" + keep.get(k) + "'; its columns are: " + String.join(", ", header));
      }
    }
    int last = 0;
    for (int f : index) {
      last = Math.max(last, f);
    }
    lastKept = last;
    int capacity = estimateRows();
    CsvColumn[] cols = new CsvColumn[index.length];
    for (int k = 0; k < index.length; k++) {
      cols[k] = new CsvColumn(keep.get(k), labelColumns.contains(keep.get(k)), decimalComma, capacity);
    }
    int rows = 0;
    int[] lines = null;
    while (true) {
      int recordLine = line;
      status = parseRecord();
      if (status == NEED_MORE) {
        more();
        continue;
      }
      if (status == END) {
        break;
      }
      if (fields == 1 && fs[0] == fe[0] && !quoted[0]) {
        continue; // blank line
      }
      if (fields != width) {
        throw new UserInputException(
            name + " line " + recordLine + ": " + fields + " fields, but the header has " + width);
      }
      for (int k = 0; k < index.length; k++) {
        int f = index[k];
        if (escaped[f]) {
          int n = unescape(fs[f], fe[f]);
          cols[k].add(scratch, 0, n, rows);
        } else {
          cols[k].add(buf, fs[f], fe[f], rows);
        }
      }
      if (lines == null && recordLine != rows + 2) {
        lines = new int[Math.max(capacity, rows + 1)];
        for (int r = 0; r < rows; r++) {
          lines[r] = r + 2;
        }
      }
      if (lines != null) {
        if (rows == lines.length) {
          lines = Arrays.copyOf(lines, rows + (rows >> 1) + 16);
        }
        lines[rows] = recordLine;
      }
      rows++;
    }
    Map<String, CsvColumn> columns = new LinkedHashMap<>();
    for (CsvColumn c : cols) {
      c.finish(rows);
      columns.put(c.name(), c);
    }
    return new Result(header, columns, rows, lines == null ? null : Arrays.copyOf(lines, rows));
  }

  private List<String> header() throws CharacterCodingException {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    List<String> header = new ArrayList<>(fields);
    Map<String, Integer> seen = new HashMap<>();
    for (int f = 0; f < fields; f++) {
      String h;
      if (escaped[f]) {
        int n = unescape(fs[f], fe[f]);
        h = decoder.decode(ByteBuffer.wrap(scratch, 0, n)).toString();
      } else {
        h = decoder.decode(ByteBuffer.wrap(buf, fs[f], fe[f] - fs[f])).toString();
      }
      Integer before = seen.putIfAbsent(h, f + 1);
      if (before != null && !h.isEmpty()) {
        throw new UserInputException(name + " line 1: the column name '" + h + "' appears twice (columns " + before
            + " and " + (f + 1) + "); rename one so that each column can be told apart");
      }
      header.add(h);
    }
    return List.copyOf(header);
  }

  /** ',' unless the first line has no comma (outside quotes) but a ';'. */
  private byte separator() throws IOException {
    boolean inQuotes = false;
    boolean semicolon = false;
    for (int i = pos; ; i++) {
      if (i >= len) {
        if (eof) {
          break;
        }
        more();
        i = pos - 1;
        semicolon = false;
        inQuotes = false;
        continue;
      }
      byte c = buf[i];
      if (c == '"') {
        inQuotes = !inQuotes;
      } else if (!inQuotes && c == ',') {
        return ',';
      } else if (!inQuotes && c == ';') {
        semicolon = true;
      } else if (!inQuotes && c == '\n') {
        break;
      }
    }
    return semicolon ? (byte) ';' : (byte) ',';
  }

  /** Rows expected from the bytes per line at the start of the data, with some slack; only a starting size. */
  private int estimateRows() {
    int newlines = 0;
    for (int i = pos; i < len; i++) {
      if (buf[i] == '\n') {
        newlines++;
      }
    }
    if (newlines == 0 || eof) {
      return newlines + 16;
    }
    double bytesPerLine = (double) (len - pos) / newlines;
    return (int) Math.min(Integer.MAX_VALUE - 16, fileSize / bytesPerLine * 1.02 + 16);
  }

  /**
   * Parses the record at {@code pos} into the field bounds; moves {@code pos} and {@code line} past it unless more
   * input is needed first.
   */
  private int parseRecord() {
    byte[] b = buf;
    int limit = len;
    int i = pos;
    if (i >= limit) {
      return eof ? END : NEED_MORE;
    }
    int n = 0;
    int nl = 0;
    byte s = sep;
    while (true) {
      if (n > lastKept) {
        // no wanted field left: count the separators to the line end, unless a quote needs the full rules
        int j = i;
        int seps = 0;
        byte c = 0;
        while (j < limit) {
          c = b[j];
          if (c == s) {
            seps++;
          } else if (c == '\n' || c == '"') {
            break;
          }
          j++;
        }
        if (j >= limit && !eof) {
          return NEED_MORE;
        }
        if (j >= limit || c == '\n') {
          n += seps + 1;
          i = j;
          if (i < limit) {
            i++;
            nl++;
          }
          break;
        }
      }
      while (i < limit && (b[i] == ' ' || b[i] == '\t')) {
        i++;
      }
      if (i < limit && b[i] == '"') {
        int start = ++i;
        boolean esc = false;
        while (true) {
          if (i >= limit) {
            if (!eof) {
              return NEED_MORE;
            }
            throw new UserInputException(name + " line " + line + ": a quoted field is not closed before the end of"
                + " the file");
          }
          byte c = b[i];
          if (c == '"') {
            if (i + 1 >= limit && !eof) {
              return NEED_MORE;
            }
            if (i + 1 < limit && b[i + 1] == '"') {
              esc = true;
              i += 2;
              continue;
            }
            break;
          }
          if (c == '\n') {
            nl++;
          }
          i++;
        }
        int end = i++;
        while (i < limit && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r')) {
          i++;
        }
        if (i >= limit && !eof) {
          return NEED_MORE;
        }
        n = field(n, start, end, true, esc);
        if (i >= limit) {
          break;
        }
        if (b[i] == s) {
          i++;
          continue;
        }
        if (b[i] == '\n') {
          i++;
          nl++;
          break;
        }
        throw new UserInputException(name + " line " + (line + nl) + ": text after the closing quote of field "
            + n + "; a quote inside a quoted field is written twice (\"\")");
      }
      int start = i;
      while (i < limit) {
        byte c = b[i];
        if (c == s || c == '\n') {
          break;
        }
        i++;
      }
      if (i >= limit && !eof) {
        return NEED_MORE;
      }
      int end = i;
      while (end > start && (b[end - 1] == ' ' || b[end - 1] == '\t' || b[end - 1] == '\r')) {
        end--;
      }
      n = field(n, start, end, false, false);
      if (i >= limit) {
        break;
      }
      if (b[i] == s) {
        i++;
        continue;
      }
      i++; // the line feed
      nl++;
      break;
    }
    fields = n;
    pos = i;
    line += nl;
    return RECORD;
  }

  private int field(int n, int start, int end, boolean isQuoted, boolean esc) {
    if (n == fs.length) {
      fs = Arrays.copyOf(fs, n * 2);
      fe = Arrays.copyOf(fe, n * 2);
      quoted = Arrays.copyOf(quoted, n * 2);
      escaped = Arrays.copyOf(escaped, n * 2);
    }
    fs[n] = start;
    fe[n] = end;
    quoted[n] = isQuoted;
    escaped[n] = esc;
    return n + 1;
  }

  /** Copies {@code buf[from, to)} into {@link #scratch} with each {@code ""} made one quote; the new length. */
  private int unescape(int from, int to) {
    if (scratch.length < to - from) {
      scratch = new byte[to - from];
    }
    int n = 0;
    for (int i = from; i < to; i++) {
      scratch[n++] = buf[i];
      if (buf[i] == '"') {
        i++; // the second quote of the pair
      }
    }
    return n;
  }

  /** Keeps the unparsed bytes, moved to the front (or a larger buffer when one record fills it), and reads more. */
  private void more() throws IOException {
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, len - pos);
      len -= pos;
      pos = 0;
    } else if (len == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    fill();
  }

  private void fill() throws IOException {
    while (len < buf.length) {
      int r = in.read(buf, len, buf.length - len);
      if (r < 0) {
        eof = true;
        return;
      }
      len += r;
    }
  }
}
