package org.oligotrial.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.eligibility.FhirGeneration;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.fhir.BulkNdjsonWriter;
import org.oligotrial.protocol.ProtocolLoader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The job on local[2], bound to loopback, on a small synthetic population written as Bulk Data NDJSON: each patient's
 * verdict equals the engine's verdict on the same patient's JSON record (screen generate, same seed), the funnel adds
 * up, and Parquet input gives the same verdicts.
 */
class PopulationScreeningTest {
  static SparkSession spark;
  @TempDir static Path dir;
  static final int N = 300;
  static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);
  static final Map<String, EligibilityResult> expected = new HashMap<>();

  @BeforeAll
  static void start() throws Exception {
    spark = SparkSession.builder().master("local[2]").appName("test")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.driver.host", "127.0.0.1")
        .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();
    EligibilityEngine engine = new EligibilityEngine(ProtocolLoader.bundled());
    ScreeningRecordParser parser = new ScreeningRecordParser();
    try (BulkNdjsonWriter w = new BulkNdjsonWriter(dir.resolve("bulk"))) {
      FhirGeneration.generate(7, N, (record, bundle) -> {
        w.write(bundle);
        // bulk data carries no screening date: the job screens everyone as of --date, and so does the expectation
        ((ObjectNode) record).put("screeningDate", AS_OF.toString());
        expected.put("Patient/" + record.get("id").asString(), engine.evaluate(parser.parse(record.toString())));
      });
    }
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void verdictsEqualTheEngineOnTheJsonRecordsAndTheFunnelAddsUp() throws Exception {
    Path out = dir.resolve("out");
    Funnel.Table t = PopulationScreening.run(spark, new PopulationScreening.Options(dir.resolve("bulk").toString(),
        "ndjson", out.toString(), null, AS_OF, 3));
    List<Row> rows = spark.read().parquet(out.resolve("verdicts").toString()).collectAsList();
    assertThat(rows).hasSize(N);
    for (Row r : rows) {
      EligibilityResult e = expected.get(r.getString(r.fieldIndex("patient")));
      assertThat(r.getString(r.fieldIndex("verdict"))).isEqualTo(e.verdict().name());
      assertThat(r.<String>getList(r.fieldIndex("failed"))).isEqualTo(e.failed());
      assertThat(r.<String>getList(r.fieldIndex("undecided"))).isEqualTo(e.unknown());
      assertThat(r.<String>getList(r.fieldIndex("missing"))).isEqualTo(e.missing());
    }
    long eligible = expected.values().stream().filter(e -> e.verdict().name().equals("ELIGIBLE")).count();
    long ineligible = expected.values().stream().filter(e -> e.verdict().name().equals("INELIGIBLE")).count();
    assertThat(t.total()).isEqualTo(N);
    assertThat(t.eligible()).isEqualTo(eligible).isPositive();
    assertThat(t.ineligible()).isEqualTo(ineligible).isPositive();
    // in order, every ineligible patient is removed exactly once; the rest remain
    assertThat(t.steps().stream().mapToLong(Funnel.Step::failInOrder).sum()).isEqualTo(ineligible);
    assertThat(t.steps().get(t.steps().size() - 1).remaining()).isEqualTo(N - ineligible);
    Funnel.Step i3 = t.steps().stream().filter(s -> s.criterion().equals("I3")).findFirst().orElseThrow();
    assertThat(i3.failAlone()).isEqualTo(expected.values().stream().filter(e -> e.failed().contains("I3")).count());
    assertThat(Files.readString(out.resolve("funnel.csv"))).startsWith("step,criterion,kind,title,fail_alone");
    assertThat(Files.readString(out.resolve("funnel.svg"))).startsWith("<svg").contains("I3 ");
    Path csv = Files.list(out.resolve("verdicts-csv")).filter(p -> p.toString().endsWith(".csv")).findFirst()
        .orElseThrow();
    assertThat(Files.readAllLines(csv)).hasSize(N + 1).first().isEqualTo("patient,verdict,failed,undecided,missing,"
        + "error");
  }

  @Test
  void parquetInputGivesTheSameVerdicts() throws Exception {
    spark.read().text(dir.resolve("bulk").toString()).withColumnRenamed("value", "resource").write()
        .mode(SaveMode.Overwrite).parquet(dir.resolve("parquet").toString());
    Path out = dir.resolve("out-parquet");
    Funnel.Table t = PopulationScreening.run(spark, new PopulationScreening.Options(dir.resolve("parquet")
        .toString(), "parquet", out.toString(), null, AS_OF, 0));
    assertThat(t.total()).isEqualTo(N);
    for (Row r : spark.read().parquet(out.resolve("verdicts").toString()).collectAsList()) {
      assertThat(r.getString(1)).isEqualTo(expected.get(r.getString(0)).verdict().name());
    }
  }

  @Test
  void unmappableResourceGivesAnErrorRowNamingItAndTheJobGoesOn() throws Exception {
    Path bad = dir.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(bad.resolve("Patient.ndjson"), "{\"resourceType\":\"Patient\",\"id\":\"p1\"}\n"
        + "{\"resourceType\":\"Patient\",\"id\":\"p2\",\"gender\":\"female\"}\n");
    Files.writeString(bad.resolve("Observation.ndjson"), "{\"resourceType\":\"Observation\",\"id\":\"e1\","
        + "\"status\":\"final\",\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"89247-1\"}]},"
        + "\"subject\":{\"reference\":\"Patient/p1\"},\"valueInteger\":9}\n");
    Path out = dir.resolve("out-bad");
    Funnel.Table t = PopulationScreening.run(spark, new PopulationScreening.Options(bad.toString(), "ndjson",
        out.toString(), null, LocalDate.of(2025, 1, 1), 0));
    assertThat(t.errors()).isEqualTo(1);
    assertThat(t.incomplete()).isEqualTo(1);
    Row p1 = spark.read().parquet(out.resolve("verdicts").toString()).filter("patient = 'Patient/p1'").first();
    assertThat(p1.getString(1)).isEqualTo("ERROR");
    assertThat(p1.getString(5)).startsWith("Observation/e1 valueInteger: ECOG");
  }
}
