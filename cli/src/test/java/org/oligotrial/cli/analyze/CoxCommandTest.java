package org.oligotrial.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.OligoTrialCommand;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The commands of docs/cox-and-design.md, run on the example files (R's lung and veteran datasets). */
class CoxCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    CommandLine cl = OligoTrialCommand.commandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    return cl.execute(args);
  }

  private JsonNode json() {
    return JsonMapper.builder().build().readTree(out.toString());
  }

  @Test
  void lungExampleFromTheDocsPrintsTheTable() {
    int code = run("analyze", "cox", "--data", "../examples/cox/lung.csv", "--time", "time", "--event", "status",
        "--covariates", "age,sex,ph.ecog");
    assertThat(code).isZero();
    assertThat(out.toString())
        .contains("n = 227, events = 164 (1 row dropped for missing values)")
        .contains("Likelihood ratio test = 30.50 on 3 df, p = 1.08e-06")
        .contains("Concordance = 0.6371");
  }

  @Test
  void veteranJsonAgreesWithCoxph() {
    // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ trt + celltype + karno, read.csv("veteran.csv",
    // stringsAsFactors = TRUE)); tolerance 1e-9 relative
    int code = run("analyze", "cox", "--data", "../examples/cox/veteran.csv", "--time", "time", "--event", "status",
        "--covariates", "trt,celltype,karno", "--json");
    assertThat(code).isZero();
    JsonNode j = json();
    assertThat(j.get("n").asInt()).isEqualTo(137);
    assertThat(j.get("nDropped").asInt()).isZero();
    assertThat(j.get("ties").asString()).isEqualTo("efron");
    JsonNode large = j.get("coefficients").get(1);
    assertThat(large.get("name").asString()).isEqualTo("celltypelarge");
    assertThat(large.get("coef").asDouble()).isCloseTo(-0.75936894991595627, within(1e-9 * 0.76));
    assertThat(large.get("p").asDouble()).isCloseTo(0.011002606649172466, within(1e-9 * 0.011));
    assertThat(j.get("scoreTest").get("chisq").asDouble()).isCloseTo(66.548565445016095, within(1e-9 * 66.5));
    assertThat(j.get("lrTest").get("df").asInt()).isEqualTo(5);
    assertThat(j.get("concordance").asDouble()).isCloseTo(0.73705134029986374, within(1e-12));
    assertThat(j.get("elapsedMillis").asDouble()).isNotNegative();
  }

  @Test
  void strataBreslowAndReferenceLevel() {
    // R: vet3$celltype <- relevel(vet2$celltype, ref = "squamous"); coxph(... ~ trt + celltype + karno, vet3)
    int code = run("analyze", "cox", "--data", "../examples/cox/veteran.csv", "--time", "time", "--event", "status",
        "--covariates", "trt,celltype,karno", "--ref", "celltype=squamous", "--json");
    assertThat(code).isZero();
    assertThat(json().get("coefficients").get(1).get("name").asString()).isEqualTo("celltypeadeno");
    assertThat(json().get("coefficients").get(1).get("coef").asDouble())
        .isCloseTo(1.1539944138617677, within(1e-9));

    out.getBuffer().setLength(0);
    // R: coxph(Surv(time, status) ~ karno + age + strata(celltype), vet2, ties = "breslow")
    code = run("analyze", "cox", "--data", "../examples/cox/veteran.csv", "--time", "time", "--event", "status",
        "--covariates", "karno,age", "--strata", "celltype", "--ties", "breslow", "--json");
    assertThat(code).isZero();
    assertThat(json().get("coefficients").get(0).get("coef").asDouble())
        .isCloseTo(-0.036561165310229224, within(1e-11));
    assertThat(json().get("strata").asString()).isEqualTo("celltype");
  }

  @Test
  void aMonotoneLikelihoodWarnsAndPrintsTheOverflowedLimitAsR(@TempDir Path dir) throws IOException {
    // every event in group A, none in B: the coefficient of B runs to minus infinity; coxph warns that it may be
    // infinite, and R prints an overflowed confidence limit as Inf
    Path csv = dir.resolve("separated.csv");
    Files.writeString(csv, "time,event,group\n1,1,A\n2,1,A\n3,0,B\n4,0,B\n");
    int code = run("analyze", "cox", "--data", csv.toString(), "--time", "time", "--event", "event", "--covariates",
        "group");
    assertThat(code).isZero();
    assertThat(out.toString()).contains(" - Inf").doesNotContain("Infinity").contains("(not converged)");
    assertThat(err.toString()).contains("may be infinite");
  }

  @Test
  void aCovariateOfAstronomicalScaleGivesAReportNotAFailure(@TempDir Path dir) throws IOException {
    // x = 1e200 makes the Wald z infinite: its p-value is 0 and it prints as Inf, not as an exception
    Path csv = dir.resolve("huge.csv");
    Files.writeString(csv, "time,event,x\n100,1,-5\n7,1,1e200\n1e308,0,-5\n");
    int code = run("analyze", "cox", "--data", csv.toString(), "--time", "time", "--event", "event", "--covariates",
        "x", "--ties", "breslow");
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).doesNotContain("Infinity").doesNotContain("NaN");
  }

  @Test
  void forcedCategoricalNumericColumn() {
    int code = run("analyze", "cox", "--data", "../examples/cox/lung.csv", "--time", "time", "--event", "status",
        "--covariates", "sex,ph.ecog", "--categorical", "ph.ecog", "--json");
    assertThat(code).isZero();
    assertThat(json().get("coefficients").findValuesAsString("name"))
        .containsExactly("sex", "ph.ecog1", "ph.ecog2", "ph.ecog3");
  }

  @Test
  void badInputGivesOneLineAndExitTwo(@TempDir Path dir) throws IOException {
    assertThat(run("analyze", "cox", "--data", "../examples/cox/lung.csv", "--time", "time", "--event", "status",
        "--covariates", "age", "--ties", "exact")).isEqualTo(2);
    assertThat(err.toString()).contains("error: --ties must be efron or breslow");

    assertThat(run("analyze", "cox", "--data", "../examples/cox/lung.csv", "--time", "time", "--event", "status",
        "--covariates", "age", "--ref", "sex=2")).isEqualTo(2);
    assertThat(err.toString()).contains("'sex' is not one of the --covariates");

    assertThat(run("analyze", "cox", "--data", "../examples/cox/veteran.csv", "--time", "time", "--event",
        "status", "--covariates", "celltype", "--ref", "celltype=huge")).isEqualTo(2);
    assertThat(err.toString()).contains("reference level 'huge' does not occur");

    assertThat(run("analyze", "cox", "--data", "../examples/cox/lung.csv", "--time", "time", "--event", "status",
        "--covariates", "nosuch")).isEqualTo(2);
    assertThat(err.toString()).contains("no column 'nosuch'");

    Path censored = dir.resolve("censored.csv");
    Files.writeString(censored, "time,status,x\n1,0,1\n2,0,0\n3,0,1\n");
    assertThat(run("analyze", "cox", "--data", censored.toString(), "--time", "time", "--event", "status",
        "--covariates", "x")).isEqualTo(2);
    assertThat(err.toString()).contains("no events");
    assertThat(err.toString()).doesNotContain("Exception");
  }

  @Test
  void collinearCovariateIsAWarningAndNa(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("collinear.csv");
    Files.writeString(f, "time,status,x,y\n1,1,1,2\n2,1,0,0\n3,0,1,2\n4,1,0,0\n5,1,2,4\n6,0,0,0\n");
    assertThat(run("analyze", "cox", "--data", f.toString(), "--time", "time", "--event", "status",
        "--covariates", "x,y", "--json")).isZero();
    assertThat(err.toString()).contains("warning: covariate 'y' is collinear");
    assertThat(json().get("coefficients").get(1).get("coef").isNull()).isTrue();
    assertThat(json().get("lrTest").get("df").asInt()).isEqualTo(1);
  }

  @Test
  void severalStrataColumnsStratifyByTheirCombinations() {
    // R 4.2.2, survival 3.5-3: coxph(Surv(time, status) ~ rx + age + strata(sex, etype),
    //   read.csv("colon.csv", stringsAsFactors = TRUE)): coef -0.42582609339808, 0.0212269592341808,
    //   -0.00206414594755609; loglik -5332.62281923373, -5314.16602400002; concordance 0.544807431507503
    int code = run("analyze", "cox", "--data", "../examples/cox/colon.csv", "--time", "time", "--event", "status",
        "--covariates", "rx,age", "--strata", "sex,etype", "--json");
    assertThat(code).isZero();
    JsonNode j = json();
    assertThat(j.get("coefficients").get(0).get("coef").asDouble()).isCloseTo(-0.42582609339808, within(1e-10));
    assertThat(j.get("coefficients").get(1).get("coef").asDouble()).isCloseTo(0.0212269592341808, within(1e-11));
    assertThat(j.get("coefficients").get(2).get("coef").asDouble())
        .isCloseTo(-0.00206414594755609, within(1e-12));
    assertThat(j.get("logLik").asDouble()).isCloseTo(-5314.16602400002, within(1e-8));
    assertThat(j.get("concordance").asDouble()).isCloseTo(0.544807431507503, within(1e-12));
  }
}
