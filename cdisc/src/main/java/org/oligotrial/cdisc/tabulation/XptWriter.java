package org.oligotrial.cdisc.tabulation;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Writes one dataset as a SAS transport file, version 5 (SAS TS-140), the format FDA's Study Data Technical
 * Conformance Guide asks for. Layout (every record 80 bytes, ASCII, blank-padded):
 *
 * <pre>
 * HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000
 * SAS     SAS     SASLIB  {ver}   {os}    {24 blanks}             {created ddMMMyy:hh:mm:ss}
 * {modified ddMMMyy:hh:mm:ss}{64 blanks}
 * HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140
 * HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000
 * SAS     {name}  SASDATA {ver}   {os}    {24 blanks}             {created}
 * {modified}{16 blanks}{label, 40}{type, 8}
 * HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000{nvar, 4 digits}00000000000000000000
 * {one 140-byte namestr per variable, the whole padded to 80}
 * HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000
 * {the observations back to back, each variable at its namestr's position, the whole padded with blanks to 80}
 * </pre>
 *
 * A namestr is, big-endian: type (1 numeric, 2 character), hash (0), length, number, name (8), label (40), format
 * name (8), format length, decimals, justification (1, right, for numbers, as SAS and ReadStat write), 2 fill bytes, informat name (8), informat length and decimals,
 * position in the observation (4 bytes), 52 zero bytes. Numbers are 8-byte IBM floats ({@link IbmFloat}); text is
 * blank-padded to the variable's length (at most 200 bytes in version 5). ADaM dates are numbers (days since
 * 1960-01-01) with format {@code DATE9.}. Not thread-safe.
 */
public final class XptWriter {
  private static final LocalDate SAS_EPOCH = LocalDate.of(1960, 1, 1);
  private static final DateTimeFormatter SAS_DATETIME =
      DateTimeFormatter.ofPattern("ddMMMyy:HH:mm:ss", Locale.ROOT);

  private XptWriter() {}

  /**
   * Writes the dataset.
   *
   * @param ds the dataset; names at most 8 characters, labels at most 40, text at most 200 bytes
   * @param created the time written into the headers
   * @param out the stream (not closed)
   * @throws IllegalArgumentException when a text value is longer than 200 bytes or not ASCII-representable
   */
  public static void write(Dataset ds, LocalDateTime created, OutputStream out) {
    try {
      Records r = new Records(out);
      String when = SAS_DATETIME.format(created).toUpperCase(Locale.ROOT);
      r.record("HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!000000000000000000000000000000");
      r.record(pad("SAS", 8) + pad("SAS", 8) + pad("SASLIB", 8) + pad("9.4", 8) + pad("Java", 8) + pad("", 24)
          + when);
      r.record(when);
      r.record("HEADER RECORD*******MEMBER  HEADER RECORD!!!!!!!000000000000000001600000000140");
      r.record("HEADER RECORD*******DSCRPTR HEADER RECORD!!!!!!!000000000000000000000000000000");
      r.record(pad("SAS", 8) + pad(ds.name(), 8) + pad("SASDATA", 8) + pad("9.4", 8) + pad("Java", 8) + pad("", 24)
          + when);
      r.record(when + pad("", 16) + pad(ds.label() == null ? "" : ds.label(), 40) + pad("", 8));
      int n = ds.variables().size();
      r.record(String.format("HEADER RECORD*******NAMESTR HEADER RECORD!!!!!!!000000%04d00000000000000000000", n));
      int[] lengths = new int[n];
      int position = 0;
      for (int i = 0; i < n; i++) {
        Variable v = ds.variables().get(i);
        boolean numeric = v.type().numeric(ds.adam());
        lengths[i] = ds.length(i);
        if (!numeric && lengths[i] > 200) {
          throw new IllegalArgumentException(ds.name() + "." + v.name() + ": text longer than 200 bytes, the XPT v5 "
              + "limit");
        }
        ByteBuffer b = ByteBuffer.allocate(140);
        b.putShort((short) (numeric ? 1 : 2)).putShort((short) 0).putShort((short) lengths[i])
            .putShort((short) (i + 1));
        b.put(ascii(pad(v.name(), 8))).put(ascii(pad(v.label(), 40)));
        boolean date = numeric && v.type() == Variable.Type.DATE;
        b.put(ascii(pad(date ? "DATE" : "", 8))).putShort((short) (date ? 9 : 0)).putShort((short) 0)
            .putShort((short) (numeric ? 1 : 0)).put(new byte[2]);
        b.put(ascii(pad("", 8))).putShort((short) 0).putShort((short) 0);
        b.putInt(position);
        b.put(new byte[52]);
        r.bytes(b.array());
        position += lengths[i];
      }
      r.padBlanks();
      r.record("HEADER RECORD*******OBS     HEADER RECORD!!!!!!!000000000000000000000000000000");
      for (Object[] row : ds.rows()) {
        for (int i = 0; i < n; i++) {
          Variable v = ds.variables().get(i);
          if (v.type().numeric(ds.adam())) {
            r.bytes(IbmFloat.encode(number(row[i])));
          } else {
            String s = row[i] == null ? "" : Dataset.text(row[i]);
            byte[] t = s.getBytes(StandardCharsets.UTF_8);
            byte[] cell = new byte[lengths[i]];
            java.util.Arrays.fill(cell, (byte) ' ');
            System.arraycopy(t, 0, cell, 0, t.length);
            r.bytes(cell);
          }
        }
      }
      r.padBlanks();
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Double number(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof LocalDate d) {
      return (double) ChronoUnit.DAYS.between(SAS_EPOCH, d);
    }
    if (v instanceof String s) {
      return (double) ChronoUnit.DAYS.between(SAS_EPOCH, LocalDate.parse(s));
    }
    if (v instanceof BigDecimal d) {
      return d.doubleValue();
    }
    return ((Number) v).doubleValue();
  }

  static String pad(String s, int width) {
    if (s.length() > width) {
      return s.substring(0, width);
    }
    return s + " ".repeat(width - s.length());
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  /** Writes 80-byte records, counting bytes to pad the last one. */
  private static final class Records {
    private final OutputStream out;
    private long written;

    Records(OutputStream out) {
      this.out = out;
    }

    void record(String s) throws IOException {
      bytes(ascii(pad(s, 80)));
    }

    void bytes(byte[] b) throws IOException {
      out.write(b);
      written += b.length;
    }

    void padBlanks() throws IOException {
      int rest = (int) (written % 80);
      if (rest != 0) {
        byte[] blanks = new byte[80 - rest];
        java.util.Arrays.fill(blanks, (byte) ' ');
        bytes(blanks);
      }
    }
  }
}
