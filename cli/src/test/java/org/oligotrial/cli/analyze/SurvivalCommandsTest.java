package org.oligotrial.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * End-to-end runs of analyze km, logrank and rmst on examples/survival/pfs.csv (made-up data, 148 rows, 2 with a
 * missing time). Expected values from R 4.2.2 Patched (2022-11-10 r83330), survival 3.5-3, with
 * d <- read.csv("examples/survival/pfs.csv"); the call is beside each value; tolerance 1e-9 relative.
 */
class SurvivalCommandsTest {

  static final String PFS = "../examples/survival/pfs.csv";
  static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = OligoTrialCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static JsonNode json(String... args) {
    Run r = run(args);
    assertThat(r.exit()).as(r.err()).isZero();
    return JSON.readTree(r.out());
  }

  static JsonNode group(JsonNode doc, String label) {
    for (JsonNode g : doc.get("groups")) {
      if (g.get("group").asString().equals(label)) {
        return g;
      }
    }
    throw new AssertionError("no group " + label);
  }

  static void rel(JsonNode actual, double expected) {
    assertThat(actual.asDouble()).isCloseTo(expected, within(1e-9 * Math.abs(expected)));
  }

  @Test
  void allCensoredDataGiveFlatCurvesAndAnRmstOfTauButNoTest() throws IOException {
    // an early look at a trial: nobody has had an event yet. survfit gives surv 1, std.err 0, limits 1 and 1, median
    // NA; the restricted mean up to tau is tau with standard error 0; survdiff and coxph have nothing to compare
    Path csv = dir.resolve("censored.csv");
    Files.writeString(csv, "time,event,arm\n3,0,A\n5,0,B\n8,0,A\n9,0,B\n");
    Run km = run("analyze", "km", "--data", csv.toString(), "--time", "time", "--event", "event", "--group", "arm",
        "--json");
    assertThat(km.exit()).as(km.err()).isZero();
    JsonNode groups = JSON.readTree(km.out()).get("groups");
    assertThat(groups).hasSize(2);
    for (JsonNode g : groups) {
      assertThat(g.get("events").asInt()).isZero();
      assertThat(g.get("survival").valueStream().mapToDouble(JsonNode::asDouble)).containsOnly(1.0);
      assertThat(g.get("lower").valueStream().mapToDouble(JsonNode::asDouble)).containsOnly(1.0);
      assertThat(g.get("median").isNull()).isTrue();
    }
    Run rmst = run("analyze", "rmst", "--data", csv.toString(), "--time", "time", "--event", "event", "--group",
        "arm", "--tau", "3", "--json");
    assertThat(rmst.exit()).as(rmst.err()).isZero();
    assertThat(rmst.out()).doesNotContain("NaN").doesNotContain("Infinity");
    assertThat(JSON.readTree(rmst.out()).findValues("rmst")).extracting(JsonNode::asDouble).containsOnly(3.0);
    // the plot of such data carries no log-rank p-value (there is no test), only the curves
    Path svg = dir.resolve("censored.svg");
    Run plot = run("analyze", "km", "--data", csv.toString(), "--time", "time", "--event", "event", "--group", "arm",
        "--plot", svg.toString());
    assertThat(plot.exit()).as(plot.err()).isZero();
    assertThat(Files.readString(svg)).contains("0 events").doesNotContain("Log-rank p");
    Run logrank = run("analyze", "logrank", "--data", csv.toString(), "--time", "time", "--event", "event",
        "--group", "arm");
    assertThat(logrank.exit()).isEqualTo(2);
    assertThat(logrank.err()).contains("no events").contains("nothing to compare");
  }

  @Test
  void kmJsonAgreesWithSurvfit() {
    JsonNode doc = json("analyze", "km", "--data", PFS, "--time", "pfs_months", "--event", "progressed",
        "--group", "arm", "--conf-type", "log-log", "--json");
    assertThat(doc.get("nDropped").asInt()).isEqualTo(2);
    assertThat(doc.get("confType").asString()).isEqualTo("log-log");
    // summary(survfit(Surv(pfs_months, progressed) ~ arm, d, conf.type = "log-log"))$table
    JsonNode minus = group(doc, "RT-");
    assertThat(minus.get("n").asInt()).isEqualTo(73);
    assertThat(minus.get("events").asInt()).isEqualTo(47);
    rel(minus.get("median"), 10.3);
    rel(minus.get("medianLower"), 6.2);
    rel(minus.get("medianUpper"), 15.1);
    JsonNode plus = group(doc, "RT+");
    rel(plus.get("median"), 15.3);
    rel(plus.get("medianLower"), 10.1);
    rel(plus.get("medianUpper"), 22.7);
    // summary(fit, times = 12): surv, std.err (of the survival), lower, upper for RT-
    int i = lastAtOrBefore(minus.get("time"), 12);
    rel(minus.get("survival").get(i), 0.43635725081561627);
    rel(minus.get("stdErr").get(i), 0.061496274157311598);
    rel(minus.get("lower").get(i), 0.31440361421296587);
    rel(minus.get("upper").get(i), 0.55191195644899882);
    // one entry per distinct time, events and censorings add up to n
    int events = 0;
    int censored = 0;
    for (int k = 0; k < minus.get("time").size(); k++) {
      events += minus.get("nEvent").get(k).asInt();
      censored += minus.get("nCensor").get(k).asInt();
    }
    assertThat(events + censored).isEqualTo(73);
    assertThat(minus.get("nRisk").get(0).asInt()).isEqualTo(73);
  }

  private static int lastAtOrBefore(JsonNode times, double t) {
    int i = -1;
    for (int k = 0; k < times.size(); k++) {
      if (times.get(k).asDouble() <= t) {
        i = k;
      }
    }
    return i;
  }

  @Test
  void logRankJsonAgreesWithSurvdiff() {
    JsonNode doc = json("analyze", "logrank", "--data", PFS, "--time", "pfs_months", "--event", "progressed",
        "--group", "arm", "--json");
    // survdiff(Surv(pfs_months, progressed) ~ arm, d): chisq, pvalue, obs, exp
    rel(doc.get("chisq"), 2.732743313346922331);
    assertThat(doc.get("df").asInt()).isEqualTo(1);
    rel(doc.get("p"), 0.098310285421049942);
    assertThat(doc.get("nDropped").asInt()).isEqualTo(2);
    assertThat(group(doc, "RT-").get("observed").asDouble()).isEqualTo(47);
    rel(group(doc, "RT-").get("expected"), 39.336063134110638);
    rel(group(doc, "RT+").get("expected"), 48.663936865889376);
    // survdiff(Surv(pfs_months, progressed) ~ arm + strata(systemic), d)
    JsonNode strat = json("analyze", "logrank", "--data", PFS, "--time", "pfs_months", "--event", "progressed",
        "--group", "arm", "--strata", "systemic", "--json");
    rel(strat.get("chisq"), 2.707949568215525904);
    rel(strat.get("p"), 0.099849256007281756);
    assertThat(strat.get("strata").asInt()).isEqualTo(2);
  }

  @Test
  void rmstJsonAgreesWithSurvfitRmean() {
    JsonNode doc = json("analyze", "rmst", "--data", PFS, "--time", "pfs_months", "--event", "progressed",
        "--group", "arm", "--tau", "24", "--reference", "RT-", "--json");
    // summary(survfit(Surv(pfs_months, progressed) ~ arm, d), rmean = 24)$table[, c("rmean", "se(rmean)")]
    rel(group(doc, "RT-").get("rmst"), 11.825271490088546);
    rel(group(doc, "RT-").get("se"), 1.0602147028056448);
    rel(group(doc, "RT+").get("rmst"), 14.639176922087310);
    rel(group(doc, "RT+").get("se"), 1.0494232196260185);
    JsonNode diff = doc.get("difference");
    assertThat(diff.get("first").asString()).isEqualTo("RT-");
    rel(diff.get("difference"), 14.639176922087310 - 11.825271490088546);
    rel(diff.get("se"), Math.hypot(1.0602147028056448, 1.0494232196260185));
  }

  @Test
  void tablesAreReadable() {
    Run km = run("analyze", "km", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--group", "arm");
    assertThat(km.exit()).isZero();
    assertThat(km.out()).contains("Kaplan-Meier estimate (95% confidence interval, log)", "2 row(s) dropped",
        "median", "n.risk");
    Run lr = run("analyze", "logrank", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--group",
        "arm");
    assertThat(lr.out()).contains("chisq = 2.733 on 1 degree of freedom, p = 0.0983");
    Run rm = run("analyze", "rmst", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--group", "arm",
        "--tau", "24");
    assertThat(rm.out()).contains("up to tau = 24", "difference");
  }

  @Test
  void medianNotReachedIsNrInTheTableAndNullInJson() throws IOException {
    Path f = dir.resolve("nr.csv");
    Files.writeString(f, "t,e\n1,1\n2,0\n3,0\n4,0\n");
    Run table = run("analyze", "km", "--data", f.toString(), "--time", "t", "--event", "e");
    assertThat(table.out()).contains("NR");
    JsonNode doc = json("analyze", "km", "--data", f.toString(), "--time", "t", "--event", "e", "--json");
    assertThat(doc.get("groups").get(0).get("median").isNull()).isTrue();
    assertThat(doc.get("groups").get(0).get("group").asString()).isEqualTo("all");
  }

  @Test
  void survivalReachingZeroGivesNullLimitsInJson() throws IOException {
    Path f = dir.resolve("zero.csv");
    Files.writeString(f, "t,e\n1,1\n2,1\n");
    JsonNode g = json("analyze", "km", "--data", f.toString(), "--time", "t", "--event", "e", "--json")
        .get("groups").get(0);
    assertThat(g.get("survival").get(1).asDouble()).isZero();
    assertThat(g.get("lower").get(1).isNull()).isTrue();
    assertThat(g.get("stdErr").get(1).isNull()).isTrue();
    assertThat(g.get("median").asDouble()).isEqualTo(1.5);
  }

  @Test
  void badInputGivesOneLineAndExitTwo() throws IOException {
    Path oneGroup = dir.resolve("one.csv");
    Files.writeString(oneGroup, "t,e,g\n1,1,A\n2,0,A\n");
    String[][] bad = {
      {"analyze", "km", "--data", PFS, "--time", "months", "--event", "progressed"},
      {"analyze", "km", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--conf-type", "logit"},
      {"analyze", "km", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--conf-level", "95"},
      {"analyze", "km", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--plot", "km.pdf"},
      {"analyze", "km", "--data", "no-such.csv", "--time", "t", "--event", "e"},
      {"analyze", "km", "--data", PFS, "--time", "arm", "--event", "progressed"},
      {"analyze", "rmst", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--tau", "-1"},
      {"analyze", "rmst", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--group", "arm",
        "--tau", "12", "--reference", "RT"},
      {"analyze", "logrank", "--data", oneGroup.toString(), "--time", "t", "--event", "e", "--group", "g"},
    };
    for (String[] args : bad) {
      Run r = run(args);
      assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
      assertThat(r.err()).as(String.join(" ", args)).startsWith("error: ");
      assertThat(r.err().strip().lines().count()).as(r.err()).isEqualTo(1);
    }
  }

  @Test
  void plotsArePngAndSvg() throws IOException {
    Path png = dir.resolve("km.png");
    Path svg = dir.resolve("km.svg");
    for (Path p : new Path[] {png, svg}) {
      Run r = run("analyze", "km", "--data", PFS, "--time", "pfs_months", "--event", "progressed", "--group", "arm",
          "--plot", p.toString(), "--time-label", "Months since randomization");
      assertThat(r.exit()).as(r.err()).isZero();
    }
    BufferedImage image = ImageIO.read(png.toFile());
    assertThat(image.getWidth()).isEqualTo(900);
    assertThat(image.getHeight()).isEqualTo(700);
    String text = Files.readString(svg);
    assertThat(text).contains("<svg", "Number at risk", "Months since randomization", "Log-rank p");
  }
}
