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

/** {@code oligotrial screen generate}: writes synthetic screening records (NDJSON) for benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true,
    description = "Writes N synthetic screening records as NDJSON (reproducible from --seed), for benchmarks.")
public final class GenerateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--n", required = true, paramLabel = "N", description = "Number of records.")
  long count;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "SEED", description = "Random seed (default 1).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "FILE.ndjson", description = "Output file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    if (count < 0) {
      throw new UserInputException("--n must not be negative");
    }
    RecordGenerator gen = new RecordGenerator(seed);
    StringBuilder sb = new StringBuilder(2048);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (long i = 0; i < count; i++) {
        sb.setLength(0);
        gen.next(sb).append('\n');
        w.append(sb);
      }
    }
    spec.commandLine().getOut().printf("wrote %,d records to %s%n", count, out);
    return 0;
  }
}
