package org.oligotrial.cli.analyze.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.input.UserInputException;

class CsvReaderTest {

  @TempDir Path dir;

  @Test
  void decimalTextGivesTheSameDoubleAsParseDoubleForSeededRandomNumbers() {
    Random r = new Random(20261206);
    for (int k = 0; k < 300_000; k++) {
      String s = switch (k % 5) {
        case 0 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(12) - 6));
        case 1 -> String.format(Locale.ROOT, "%.3f", r.nextGaussian() * 100);
        case 2 -> Long.toString(r.nextLong() >> r.nextInt(63));
        case 3 -> String.format(Locale.ROOT, "%.17g", r.nextDouble()); // more digits than the fast path takes
        default -> String.format(Locale.ROOT, "%.4e", r.nextGaussian() * 1e5);
      };
      assertThat(DecimalText.parse(s, false)).as(s).isEqualTo(Double.parseDouble(s));
    }
  }

  @Test
  void decimalTextRefusesWhatRDoesNotReadAsANumber() {
    for (String s : new String[] {"", "-", ".", "1d", "0x10", "NaN", "Infinity", "1e", "1e400", "1.2.3", "1,5", "a1",
        "12 "}) {
      assertThat(DecimalText.parse(s, false)).as(s).isNaN();
    }
    assertThat(DecimalText.parse("1,5", true)).isEqualTo(1.5);
    assertThat(DecimalText.parse("-12,25e1", true)).isEqualTo(-122.5);
    assertThat(DecimalText.isDecimalComma("1,5".getBytes(StandardCharsets.US_ASCII), 0, 3)).isTrue();
    assertThat(DecimalText.isDecimalComma("1,".getBytes(StandardCharsets.US_ASCII), 0, 2)).isFalse();
  }

  /**
   * A file several times the reader's 1 MiB buffer, with quoted fields (doubled quotes, separators, LF and CRLF line
   * breaks inside), blank lines and CRLF line ends at random places, so that records straddle every kind of buffer
   * boundary: every value and every row's line must come back as written.
   */
  @Test
  void randomFilesAcrossBufferBoundariesReadBackExactly() throws IOException {
    Random r = new Random(42);
    StringBuilder sb = new StringBuilder("\uFEFFid,x,label\n");
    List<Double> xs = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    int line = 2;
    for (int i = 0; sb.length() < 3_500_000; i++) {
      if (r.nextInt(50) == 0) {
        sb.append(r.nextBoolean() ? "\n" : "\r\n");
        line++;
      }
      double x = Math.round(r.nextGaussian() * 1e6) / 1e3;
      String label = switch (r.nextInt(6)) {
        case 0 -> "a\"b";
        case 1 -> "two\nlines";
        case 2 -> "c, d";
        case 3 -> "crlf\r\nx";
        case 4 -> "";
        default -> "L" + r.nextInt(20);
      };
      String quoted = "\"" + label.replace("\"", "\"\"") + "\"";
      boolean mustQuote = label.contains("\"") || label.contains(",") || label.contains("\n");
      sb.append(i).append(',').append(x).append(',').append(mustQuote || r.nextBoolean() ? quoted : label)
          .append(r.nextBoolean() ? "\n" : "\r\n");
      xs.add(x);
      labels.add(label.isEmpty() ? null : label);
      lines.add(line);
      line += 1 + (int) label.chars().filter(c -> c == '\n').count();
    }
    Path f = dir.resolve("big.csv");
    Files.writeString(f, sb, StandardCharsets.UTF_8);
    CsvReader.Result res = CsvReader.read(f, List.of("x", "label"), Set.of("label"), false);
    assertThat(res.header()).containsExactly("id", "x", "label");
    assertThat(res.rows()).isEqualTo(xs.size());
    CsvColumn x = res.columns().get("x");
    CsvColumn l = res.columns().get("label");
    assertThat(x.kind()).isEqualTo(CsvColumn.Kind.NUMBER);
    for (int i = 0; i < xs.size(); i++) {
      assertThat(x.numbers()[i]).isEqualTo(xs.get(i));
      assertThat(l.codes()[i] < 0 ? null : l.labels()[l.codes()[i]]).isEqualTo(labels.get(i));
      assertThat(res.lineOfRow()[i]).isEqualTo(lines.get(i));
    }
  }

  @Test
  void malformedFilesAreRefusedWithTheirLine() throws IOException {
    Path f = dir.resolve("bad.csv");
    Files.writeString(f, "a,b\n1,\"open\n2,3\n");
    assertThatThrownBy(() -> CsvReader.read(f, null, Set.of(), false))
        .isInstanceOf(UserInputException.class).hasMessageContaining("line 2: a quoted field is not closed");
    Files.writeString(f, "a,b\n1,\"x\"y\n");
    assertThatThrownBy(() -> CsvReader.read(f, null, Set.of(), false))
        .isInstanceOf(UserInputException.class).hasMessageContaining("line 2: text after the closing quote");
    Files.writeString(f, "a,,b,\n1,2,3,4\n"); // empty names may repeat (they cannot be chosen anyway)
    assertThat(CsvReader.read(f, null, Set.of(), false).header()).containsExactly("a", "", "b", "");
  }
}
