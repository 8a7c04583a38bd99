package org.oligotrial.cli.eligibility;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oligotrial.input.UserInputException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oligotrial screen generate}: writes synthetic screening records (NDJSON) for benchmarks. For any protocol
 * {@link DeclaredRecordGenerator}, which draws from the protocol's declared record (field types, codes, ranges,
 * units) aimed at its criteria, so that eligible, ineligible and incomplete records all occur. For the bundled
 * NCT03119519 record the hand-tuned {@link RecordGenerator} is kept: it draws candidates with the frequencies of a
 * real screening population (histologies, stages, EGFR status, one pregnancy in a hundred women, labs in every
 * accepted unit, the intracranial answer agreeing with the coded sites), which a protocol file does not hold (it
 * declares codes and ranges, not how often each occurs), and the benchmark figures in docs/benchmarks.md were
 * measured on its records.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = {"Writes N synthetic screening records as NDJSON (reproducible from --seed), for benchmarks;",
      "with --format fhir the same patients as one FHIR R4 / mCODE bundle each (DIR/<id>.json), with --format",
      "fhir-bulk as FHIR Bulk Data NDJSON (DIR/Patient.ndjson, DIR/Observation.ndjson, ...)."})
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--n", required = true, paramLabel = "N", description = "Number of records.")
  long count;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Random seed (default 1).")
  long seed;

  @Option(names = "--protocol", paramLabel = "FILE", description = "Protocol file whose record is drawn (default: "
      + "the bundled NCT03119519).")
  Path protocolFile;

  @Option(names = "--out", required = true, paramLabel = "FILE.ndjson|DIR", description = "Output file (ndjson) or "
      + "directory (fhir, fhir-bulk).")
  Path out;

  @Option(names = "--format", defaultValue = "ndjson", paramLabel = "FORMAT", description = "ndjson (screening "
      + "records, the default), fhir (a bundle per patient) or fhir-bulk (Bulk Data NDJSON).")
  String format;

  @Option(names = "--gzip", description = "With --format fhir-bulk: write gzip-compressed files (<Type>.ndjson.gz; "
      + "Spark reads them as they are), about a tenth of the size.")
  boolean gzip;

  @Option(names = "--threads", paramLabel = "N", description = "With --format fhir-bulk: threads that encode the "
      + "resources (default: the available processors); the output is the same for any number.")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    if (count < 0) {
      throw new UserInputException("--n must not be negative");
    }
    org.oligotrial.protocol.Protocol protocol = Protocols.load(protocolFile);
    org.oligotrial.protocol.RecordDeclaration record = protocol.record();
    boolean bundledRecord = record.equals(org.oligotrial.protocol.ProtocolLoader.bundled().record());
    if (!format.equals("ndjson")) {
      if (!format.equals("fhir") && !format.equals("fhir-bulk")) {
        throw new UserInputException("--format must be ndjson, fhir or fhir-bulk, not '" + format + "'");
      }
      if (!bundledRecord) {
        throw new UserInputException("--format " + format + " writes the screening record of NCT03119519 (the FHIR "
            + "mapping of docs/fhir.md); " + protocolFile + " declares another record");
      }
      // a separate class, so that HAPI FHIR is loaded only for these formats
      if (gzip && !format.equals("fhir-bulk")) {
        throw new UserInputException("--gzip applies to --format fhir-bulk only");
      }
      if (threads != null && threads < 1) {
        throw new UserInputException("--threads must be at least 1");
      }
      long resources = FhirGeneration.write(seed, count, out, format.equals("fhir-bulk"), gzip,
          threads == null ? Runtime.getRuntime().availableProcessors() : threads);
      spec.commandLine().getOut().printf("wrote %,d patients (%,d resources) to %s%n", count, resources, out);
      return 0;
    }
    java.util.function.Function<StringBuilder, StringBuilder> gen;
    if (bundledRecord) {
      gen = new RecordGenerator(seed)::next;
    } else {
      gen = new DeclaredRecordGenerator(protocol, seed)::next;
    }
    StringBuilder sb = new StringBuilder(2048);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long i = 0; i < count; i++) {
        sb.setLength(0);
        gen.apply(sb).append('\n');
        w.append(sb);
      }
    }
    spec.commandLine().getOut().printf("wrote %,d records to %s%n", count, out);
    return 0;
  }
}
