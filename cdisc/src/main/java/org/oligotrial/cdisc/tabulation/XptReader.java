package org.oligotrial.cdisc.tabulation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a SAS transport v5 file of one dataset (the layout in {@link XptWriter}); written for the tests and for
 * checking files made by other tools. Trailing blank padding after the last observation is recognised as such
 * (an all-blank final observation inside the last 80-byte record is padding, as TS-140 says). Stateless.
 */
public final class XptReader {
  private XptReader() {}

  /**
   * One variable as described by its namestr.
   *
   * @param name the name
   * @param label the label
   * @param numeric whether numeric
   * @param length the length in bytes
   * @param format the format name (e.g. {@code DATE}), empty when none
   * @param position the offset in an observation
   */
  public record Column(String name, String label, boolean numeric, int length, String format, int position) {}

  /**
   * The file's content.
   *
   * @param name the dataset name
   * @param label the dataset label
   * @param columns the variables
   * @param rows the observations: {@link String} (trailing blanks removed) or {@link Double} (null = missing)
   */
  public record Content(String name, String label, List<Column> columns, List<Object[]> rows) {}

  /** Reads a file's bytes. @throws IllegalArgumentException when it is not a transport v5 file */
  public static Content read(byte[] f) {
    String lib = new String(f, 0, Math.min(80, f.length), StandardCharsets.US_ASCII);
    if (!lib.startsWith("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!")) {
      throw new IllegalArgumentException("not a SAS transport v5 file: no library header");
    }
    int p = 3 * 80;
    if (!text(f, p, 48).equals("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!")) {
      throw new IllegalArgumentException("no member header at byte " + p);
    }
    p += 2 * 80;
    String name = text(f, p + 8, 8).trim();
    String label = text(f, p + 80 + 32, 40).trim();
    p += 2 * 80;
    int n = Integer.parseInt(text(f, p + 54, 4));
    p += 80;
    List<Column> cols = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(f);
    for (int i = 0; i < n; i++) {
      int at = p + i * 140;
      boolean numeric = b.getShort(at) == 1;
      int length = b.getShort(at + 4);
      cols.add(new Column(text(f, at + 8, 8).trim(), text(f, at + 16, 40).trim(), numeric, length,
          text(f, at + 56, 8).trim(), b.getInt(at + 84)));
    }
    p += ((n * 140 + 79) / 80) * 80;
    if (!text(f, p, 48).equals("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!")) {
      throw new IllegalArgumentException("no observation header at byte " + p);
    }
    p += 80;
    int rowLength = cols.stream().mapToInt(Column::length).sum();
    List<Object[]> rows = new ArrayList<>();
    while (rowLength > 0 && p + rowLength <= f.length) {
      if (f.length - p < 80 && allBlank(f, p, f.length - p)) {
        break;
      }
      Object[] row = new Object[n];
      for (int i = 0; i < n; i++) {
        Column c = cols.get(i);
        row[i] = c.numeric() ? IbmFloat.decode(f, p + c.position())
            : new String(f, p + c.position(), c.length(), StandardCharsets.UTF_8).stripTrailing();
      }
      rows.add(row);
      p += rowLength;
    }
    return new Content(name, label, cols, rows);
  }

  private static boolean allBlank(byte[] f, int from, int len) {
    for (int i = from; i < from + len; i++) {
      if (f[i] != ' ') {
        return false;
      }
    }
    return true;
  }

  private static String text(byte[] f, int off, int len) {
    return new String(f, off, len, StandardCharsets.US_ASCII);
  }
}
