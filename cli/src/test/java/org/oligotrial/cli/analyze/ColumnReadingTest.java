package org.oligotrial.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the analyze commands read a column: levels in one order for every command (numbers by value, as R's
 * {@code factor}), missing values written NA, empty or {@code .}, and every other value that is not a number refused
 * with its line rather than turned into a category; decimal commas refused with advice or read on request.
 */
class ColumnReadingTest {

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    CommandLine cl = OligoTrialCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private JsonNode json() {
    return JsonMapper.builder().build().readTree(out.toString());
  }

  private Path lungWith(String missing) throws IOException {
    // examples/cox/lung.csv (R's survival::lung written by write.csv) with its missing values written `missing`
    List<String> lines = Files.readAllLines(Path.of("../examples/cox/lung.csv"));
    StringBuilder sb = new StringBuilder(lines.get(0)).append('\n');
    for (String l : lines.subList(1, lines.size())) {
      String[] f = l.split(",", -1);
      for (int i = 0; i < f.length; i++) {
        if (f[i].isEmpty() || f[i].equals("NA")) {
          f[i] = missing;
        }
      }
      sb.append(String.join(",", f)).append('\n');
    }
    Path p = dir.resolve("lung-" + (missing.isEmpty() ? "empty" : missing.replace('.', 'd')) + ".csv");
    Files.writeString(p, sb);
    return p;
  }

  /**
   * R 4.2.2 Patched (2022-11-10 r83330), survival 3.5-3: {@code coef(summary(coxph(Surv(time, status) ~ sex +
   * factor(pat.karno), read.csv("examples/cox/lung.csv"))))}: the reference level is 30, the smallest; n = 225
   * (3 rows without pat.karno dropped), 162 events, log-likelihoods -733.751788739301, -719.538474423188, concordance
   * 0.6403109986051557. Tolerance 1e-8 relative on coefficients and standard errors.
   */
  private static final String[] KARNO_NAMES = {"sex", "pat.karno40", "pat.karno50", "pat.karno60", "pat.karno70",
      "pat.karno80", "pat.karno90", "pat.karno100"};
  private static final double[] KARNO_COEF = {-0.5476826209616932, -0.5952340914252069, 1.0371418851872771,
      -0.0148656165338594, -0.4494200183408927, -0.6536279935705913, -0.8196289929764914, -0.8131129072506639};
  private static final double[] KARNO_SE = {0.173344180486628, 1.419638357060224, 1.122648521535838,
      1.022210604318950, 1.021225439292973, 1.018723542988995, 1.018802309328676, 1.028512749520531};

  private void assertKarnoTableAgreesWithR() {
    JsonNode j = json();
    assertThat(j.get("n").asInt()).isEqualTo(225);
    assertThat(j.get("events").asInt()).isEqualTo(162);
    assertThat(j.get("nDropped").asInt()).isEqualTo(3);
    JsonNode c = j.get("coefficients");
    assertThat(c.size()).isEqualTo(KARNO_NAMES.length);
    for (int i = 0; i < KARNO_NAMES.length; i++) {
      assertThat(c.get(i).get("name").asString()).isEqualTo(KARNO_NAMES[i]);
      assertThat(c.get(i).get("coef").asDouble()).as(KARNO_NAMES[i])
          .isCloseTo(KARNO_COEF[i], within(1e-8 * Math.abs(KARNO_COEF[i])));
      assertThat(c.get(i).get("se").asDouble()).as(KARNO_NAMES[i])
          .isCloseTo(KARNO_SE[i], within(1e-8 * KARNO_SE[i]));
    }
    assertThat(j.get("logLik").asDouble()).isCloseTo(-719.538474423188, within(1e-9 * 720));
    assertThat(j.get("concordance").asDouble()).isCloseTo(0.6403109986051557, within(1e-12));
  }

  @Test
  void coxCategoricalNumericLevelsHaveTheSmallestAsReferenceAsR() {
    int code = run("analyze", "cox", "--data", "../examples/cox/lung.csv", "--time", "time", "--event", "status",
        "--covariates", "sex,pat.karno", "--categorical", "pat.karno", "--json");
    assertThat(code).as(err.toString()).isZero();
    assertKarnoTableAgreesWithR();
    assertThat(json().get("categorical").get(0).get("reference").asString()).isEqualTo("30");
  }

  @Test
  void sasDotAndEmptyAreMissingLikeNa() throws IOException {
    for (String missing : new String[] {".", ""}) {
      int code = run("analyze", "cox", "--data", lungWith(missing).toString(), "--time", "time", "--event", "status",
          "--covariates", "sex,pat.karno", "--categorical", "pat.karno", "--json");
      assertThat(code).as(err.toString()).isZero();
      assertKarnoTableAgreesWithR();
    }
  }

  @Test
  void kmLogrankAndRmstOrderNumericGroupsByValue() throws IOException {
    // levels 9 < 10 < 100 by value (as text they would be 10, 100, 9)
    Path f = dir.resolve("g.csv");
    Files.writeString(f, "t,e,g\n1,1,10\n2,0,9\n3,1,100\n4,1,9\n5,0,10\n6,1,100\n7,1,9\n");
    assertThat(run("analyze", "km", "--data", f.toString(), "--time", "t", "--event", "e", "--group", "g",
        "--json")).isZero();
    assertThat(json().get("groups").findValuesAsString("group")).containsExactly("9", "10", "100");
    assertThat(run("analyze", "logrank", "--data", f.toString(), "--time", "t", "--event", "e", "--group", "g",
        "--json")).isZero();
    assertThat(json().get("groups").findValuesAsString("group")).containsExactly("9", "10", "100");
    assertThat(run("analyze", "rmst", "--data", f.toString(), "--time", "t", "--event", "e", "--group", "g",
        "--tau", "5", "--json")).isZero();
    assertThat(json().get("groups").findValuesAsString("group")).containsExactly("9", "10", "100");
  }

  @Test
  void aNumericCovariateWithAWordIsRefusedWithLineAndValue() throws IOException {
    Path f = dir.resolve("age.csv");
    Files.writeString(f, "time,status,age\n5,1,61\n6,0,.\n7,1,unknown\n8,1,70\n9,0,NA\n");
    int code = run("analyze", "cox", "--data", f.toString(), "--time", "time", "--event", "status",
        "--covariates", "age");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("line 4: 'unknown' in column 'age' is not a number")
        .contains("NA, . or left empty")
        .contains("--categorical age")
        .doesNotContain("Exception");
    // a text column with numbers among its labels is refused too
    Files.writeString(f, "time,status,stage\n5,1,IIIA\n6,0,IV\n7,1,3\n8,1,IV\n");
    assertThat(run("analyze", "cox", "--data", f.toString(), "--time", "time", "--event", "status",
        "--covariates", "stage")).isEqualTo(2);
    assertThat(err.toString()).contains("column 'stage' holds text ('IIIA') and numbers (line 4: '3')");
    // declared categorical, the same column is read as levels
    assertThat(run("analyze", "cox", "--data", f.toString(), "--time", "time", "--event", "status",
        "--covariates", "stage", "--categorical", "stage", "--json")).as(err.toString()).isZero();
    assertThat(json().get("categorical").get(0).get("levels").toString()).isEqualTo("[\"3\",\"IIIA\",\"IV\"]");
  }

  @Test
  void decimalCommasAreRefusedWithAdviceOrReadWhenDeclared() throws IOException {
    Path points = dir.resolve("points.csv");
    Path commas = dir.resolve("commas.csv");
    Path semicolons = dir.resolve("semicolons.csv");
    StringBuilder p = new StringBuilder("time,status,dose\n");
    StringBuilder c = new StringBuilder("time,status,dose\n");
    StringBuilder s = new StringBuilder("time;status;dose\n");
    java.util.Random r = new java.util.Random(7);
    for (int i = 0; i < 40; i++) {
      int t = 1 + r.nextInt(50);
      int e = r.nextInt(2);
      int dose = r.nextInt(300);
      String d = (dose / 100) + "." + String.format("%02d", dose % 100);
      p.append(t).append(',').append(e).append(',').append(d).append('\n');
      c.append(t).append(',').append(e).append(",\"").append(d.replace('.', ',')).append("\"\n");
      s.append(t).append(';').append(e).append(';').append(d.replace('.', ',')).append('\n');
    }
    Files.writeString(points, p);
    Files.writeString(commas, c);
    Files.writeString(semicolons, s);
    assertThat(run("analyze", "cox", "--data", points.toString(), "--time", "time", "--event", "status",
        "--covariates", "dose", "--json")).isZero();
    double expected = json().get("coefficients").get(0).get("coef").asDouble();
    for (Path f : List.of(commas, semicolons)) {
      assertThat(run("analyze", "cox", "--data", f.toString(), "--time", "time", "--event", "status",
          "--covariates", "dose")).isEqualTo(2);
      assertThat(err.toString()).contains("line 2:").contains("decimal comma").contains("--decimal-comma");
      assertThat(run("analyze", "cox", "--data", f.toString(), "--time", "time", "--event", "status",
          "--covariates", "dose", "--decimal-comma", "--json")).as(err.toString()).isZero();
      assertThat(json().get("coefficients").get(0).get("coef").asDouble()).isEqualTo(expected);
    }
  }

  @Test
  void aCategoricalCovariateWithNearlyOneLevelPerRowIsRefused() throws IOException {
    StringBuilder sb = new StringBuilder("time,status,patient\n");
    for (int i = 0; i < 60; i++) {
      sb.append(1 + i % 17).append(',').append(i % 3 == 0 ? 0 : 1).append(",P").append(1000 + i / 2).append('\n');
    }
    Path f = dir.resolve("ids.csv");
    Files.writeString(f, sb);
    assertThat(run("analyze", "cox", "--data", f.toString(), "--time", "time", "--event", "status",
        "--covariates", "patient")).isEqualTo(2);
    assertThat(err.toString()).contains("column 'patient' has 30 levels in 60 rows")
        .contains("nearly one level per row");
  }

  @Test
  void quotedFieldsWithLineBreaksAreReadAndLaterLinesNamedRight() throws IOException {
    Path f = dir.resolve("notes.csv");
    Files.writeString(f, "time,status,arm,note\r\n5,1,A,\"first line\r\nsecond, with comma\"\r\n"
        + "6,0,B,\"a \"\"quoted\"\" word\"\r\n\r\n7,1,A,plain\r\n8,x,B,\"\n\"\n", StandardCharsets.UTF_8);
    assertThat(run("analyze", "km", "--data", f.toString(), "--time", "time", "--event", "status", "--group",
        "arm")).isEqualTo(2);
    // the bad event is on line 7: the header, two lines of the first record, one, a blank line, one, then it
    assertThat(err.toString()).contains("line 7: event 'x'");
    CsvDataset d = CsvDataset.read(f);
    assertThat(d.rowCount()).isEqualTo(4);
    assertThat(d.column("note")).containsExactly("first line\r\nsecond, with comma", "a \"quoted\" word", "plain",
        "\n");
    assertThat(d.line(2)).isEqualTo(6);
  }

  @Test
  void aDuplicatedColumnNameIsAnError() throws IOException {
    Path f = dir.resolve("dup.csv");
    Files.writeString(f, "time,status,age,age\n1,1,50,60\n");
    assertThat(run("analyze", "km", "--data", f.toString(), "--time", "time", "--event", "status")).isEqualTo(2);
    assertThat(err.toString()).contains("the column name 'age' appears twice (columns 3 and 4)");
  }
}
