package org.oligotrial.spark;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.concat_ws;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.json_tuple;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.encoders.ExpressionEncoder;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * The population pre-screening job. Reads FHIR resources (Bulk Data NDJSON: a directory of {@code <Type>.ndjson}
 * files; or Parquet with a string column {@code resource} holding each resource's JSON), keys each resource by its
 * patient ({@code Patient.id}, else {@code subject.reference} or {@code patient.reference}; resources of no patient
 * are left out), brings each patient's resources together (one hash repartition by patient, then a sort by patient
 * within each partition: unlike a group-by with {@code collect_list}, no partial aggregation on the map side and no
 * per-patient list held by Spark), screens each patient ({@link PatientScreener}), and writes to the output
 * directory: {@code verdicts/} (Parquet), {@code verdicts-csv/} (one CSV file with a header; lists joined by
 * {@code ;}), {@code funnel.csv} and {@code funnel.svg} ({@link Funnel}).
 *
 * <p>Usage (spark-submit; docs/spark.md): {@code --input DIR [--format ndjson|parquet] --out DIR [--protocol FILE]
 * [--date yyyy-mm-dd]}. The date is the screening date for every patient (default: today).
 */
public final class PopulationScreening {
  private PopulationScreening() {}

  /** The job's settings. */
  public record Options(String input, String format, String out, Path protocol, LocalDate screeningDate,
      int partitions) {}

  public static void main(String[] args) throws IOException {
    String input = null;
    String format = "ndjson";
    String out = null;
    Path protocol = null;
    LocalDate date = LocalDate.now();
    int partitions = 0;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (i + 1 >= args.length) {
        usage("missing value after " + a);
      }
      String v = args[++i];
      switch (a) {
        case "--input" -> input = v;
        case "--format" -> format = v;
        case "--out" -> out = v;
        case "--protocol" -> protocol = Path.of(v);
        case "--date" -> date = LocalDate.parse(v);
        case "--partitions" -> partitions = Integer.parseInt(v);
        default -> usage("unknown option " + a);
      }
    }
    if (input == null || out == null) {
      usage("--input and --out are required");
    }
    SparkSession spark = SparkSession.builder().appName("oligotrial-population-screening").getOrCreate();
    try {
      long start = System.nanoTime();
      Funnel.Table t = run(spark, new Options(input, format, out, protocol, date, partitions));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf("screened %,d patients: %,d eligible, %,d ineligible, %,d incomplete, %,d errors; %s%n"
          + "job time %.1f s (%,.0f patients/s) on %s%n", t.total(), t.eligible(), t.ineligible(), t.incomplete(),
          t.errors(), out, seconds, t.total() / seconds, spark.sparkContext().master());
    } finally {
      spark.stop();
    }
  }

  private static void usage(String problem) {
    System.err.println("error: " + problem + "\nusage: PopulationScreening --input DIR [--format ndjson|parquet] "
        + "--out DIR [--protocol FILE.yaml] [--date yyyy-mm-dd] [--partitions N]");
    System.exit(2);
  }

  /** Runs the job on {@code spark}; returns the funnel (also written to the output directory). */
  public static Funnel.Table run(SparkSession spark, Options o) throws IOException {
    String yaml = o.protocol() == null ? bundledYaml() : Files.readString(o.protocol(), StandardCharsets.UTF_8);
    String name = o.protocol() == null ? ProtocolLoader.BUNDLED_RESOURCE : o.protocol().toString();
    Protocol protocol = ProtocolLoader.parse(yaml, name); // fails here, on the driver, for a bad protocol file
    Broadcast<String> shared = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(yaml);

    Dataset<Row> resources = switch (o.format()) {
      case "ndjson" -> spark.read().text(o.input()).withColumnRenamed("value", "resource");
      case "parquet" -> spark.read().parquet(o.input()).select(col("resource"));
      default -> throw new IllegalArgumentException("--format must be ndjson or parquet, not '" + o.format() + "'");
    };
    // the top-level fields that name the patient, from one parse of each resource (json_tuple), then the
    // reference out of the small subject/patient objects: the same keys as get_json_object on each path
    Dataset<Row> keyed = resources.filter(col("resource").notEqual(""))
        .select(col("resource"), json_tuple(col("resource"), "resourceType", "id", "subject", "patient"))
        .toDF("resource", "rt", "id", "subject", "patientRef");
    Column patient = when(col("rt").equalTo("Patient"), concat(lit("Patient/"), col("id")))
        .otherwise(coalesce(get_json_object(col("subject"), "$.reference"),
            get_json_object(col("patientRef"), "$.reference")));
    // one shuffle: each patient's resources to one partition, sorted by patient there, so that the screener reads
    // one patient's resources after another as consecutive rows (the sort spills to disk: memory stays flat)
    Dataset<Row> byPatient = keyed.withColumn("patient", patient).filter(col("patient").isNotNull())
        .select(col("patient"), col("resource"));
    byPatient = o.partitions() > 0 ? byPatient.repartition(o.partitions(), col("patient"))
        : byPatient.repartition(col("patient"));
    Dataset<Row> verdicts = byPatient.sortWithinPartitions(col("patient"))
        .mapPartitions(new PatientScreener(shared, name, o.screeningDate()),
            ExpressionEncoder.apply(PatientScreener.SCHEMA)).persist();
    verdicts.write().mode(SaveMode.Overwrite).parquet(o.out() + "/verdicts");
    verdicts.select(col("patient"), col("verdict"), concat_ws(";", col("failed")).as("failed"),
            concat_ws(";", col("undecided")).as("undecided"), concat_ws(";", col("missing")).as("missing"),
            col("error"))
        .coalesce(1).write().mode(SaveMode.Overwrite).option("header", "true").csv(o.out() + "/verdicts-csv");
    Funnel.Table table = Funnel.compute(verdicts, protocol);
    verdicts.unpersist();
    write(spark, o.out() + "/funnel.csv", table.csv());
    write(spark, o.out() + "/funnel.svg", FunnelChart.svg(table, protocol));
    return table;
  }

  /** A small text file through Hadoop's file system API, so that any file system Spark writes to will do. */
  private static void write(SparkSession spark, String path, String text) throws IOException {
    org.apache.hadoop.fs.Path p = new org.apache.hadoop.fs.Path(path);
    FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
    try (var out = fs.create(p, true)) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static String bundledYaml() throws IOException {
    try (var in = ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

}
