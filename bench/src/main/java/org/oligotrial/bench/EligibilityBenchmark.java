package org.oligotrial.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.oligotrial.cli.eligibility.RecordGenerator;
import org.oligotrial.eligibility.CriterionResult;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityJson;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.ProtocolLoader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Eligibility on one thread: in-memory evaluation of pre-parsed NCT03119519 screening records (the engine's own
 * speed), the same with every reason text rendered, and parse-plus-evaluate of NDJSON lines (the per-record work of
 * {@code screen --batch}). 4096 synthetic records from {@link RecordGenerator} (seed 1), cycled.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar EligibilityBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EligibilityBenchmark {
  private static final int N = 4096;

  private EligibilityEngine engine;
  private ScreeningRecordParser parser;
  private ScreeningRecord[] records;
  private byte[][] lines;
  private int i;

  @Setup
  public void setUp() {
    engine = new EligibilityEngine(ProtocolLoader.bundled());
    parser = new ScreeningRecordParser();
    RecordGenerator gen = new RecordGenerator(1);
    records = new ScreeningRecord[N];
    lines = new byte[N][];
    for (int k = 0; k < N; k++) {
      lines[k] = gen.next(new StringBuilder(1024)).toString().getBytes(StandardCharsets.UTF_8);
      records[k] = parser.parse(lines[k], 0, lines[k].length);
    }
  }

  /** One full evaluation: every criterion's status, the verdict and the missing fields. */
  @Benchmark
  public EligibilityResult evaluate() {
    i = (i + 1) & (N - 1);
    return engine.evaluate(records[i]);
  }

  /** One evaluation with all 17 reasons rendered (what the single-record report and the JSON need). */
  @Benchmark
  public void evaluateWithReasons(Blackhole bh) {
    i = (i + 1) & (N - 1);
    for (CriterionResult c : engine.evaluate(records[i]).criteria()) {
      bh.consume(c.reason());
    }
  }

  /**
   * One evaluation written as the JSON the server stores and returns for a registration ({@link
   * EligibilityJson#toAsciiJson}: every reason and registry quote, in ASCII).
   */
  @Benchmark
  public String evaluateToStoredJson() {
    i = (i + 1) & (N - 1);
    return EligibilityJson.toAsciiJson(engine.evaluate(records[i]));
  }

  /** Parse one NDJSON line (UTF-8 bytes) and evaluate it: the per-record work of screen --batch. */
  @Benchmark
  public EligibilityResult parseAndEvaluate() {
    i = (i + 1) & (N - 1);
    byte[] line = lines[i];
    return engine.evaluate(parser.parse(line, 0, line.length));
  }
}
