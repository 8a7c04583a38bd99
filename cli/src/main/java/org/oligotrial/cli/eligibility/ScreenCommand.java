package org.oligotrial.cli.eligibility;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityJson;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.input.UserInputException;
import org.oligotrial.protocol.Protocol;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code oligotrial screen}: decides a candidate's eligibility, or a whole NDJSON file's with {@code --batch}. */
@Command(
    name = "screen",
    mixinStandardHelpOptions = true,
    description = {
      "Decides eligibility criterion by criterion for a screening record (JSON; format in docs/eligibility.md)",
      "or for one patient's FHIR R4 / mCODE bundle (--fhir; mapping in docs/fhir.md).",
      "Exit code 0 when evaluated (whatever the verdict), 2 for bad input."
    },
    subcommands = GenerateCommand.class)
public final class ScreenCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE.json", description = "The screening record.")
  Path file;

  @Option(names = "--protocol", paramLabel = "FILE", description = "Protocol file (default: the bundled NCT03119519).")
  Path protocolFile;

  @Option(names = "--json", description = "Print the result as JSON: {id, verdict, criteria[], missing[]}.")
  boolean json;

  @Option(names = "--batch", paramLabel = "FILE.ndjson", description = "Screen every record of an NDJSON file.")
  Path batch;

  @Option(names = "--out", paramLabel = "FILE.csv", description = "With --batch: where to write one row per record "
      + "(default: standard output, totals then go to standard error).")
  Path out;

  @Option(names = "--fhir", paramLabel = "BUNDLE.json", description = "Screen one patient's FHIR R4 bundle (mCODE "
      + "profiles; mapping in docs/fhir.md): prints the result and where each mapped field came from.")
  Path fhir;

  @Option(names = "--threads", paramLabel = "N", description = "With --batch: worker threads (default: the number of "
      + "processors).")
  Integer threads;

  @Override
  public Integer call() throws IOException {
    Protocol protocol = Protocols.load(protocolFile);
    EligibilityEngine engine = new EligibilityEngine(protocol);
    PrintWriter stdout = spec.commandLine().getOut();
    if (fhir != null) {
      if (file != null || batch != null) {
        throw new UserInputException("give one of FILE.json, --batch FILE.ndjson or --fhir BUNDLE.json");
      }
      // a separate class, so that HAPI FHIR is loaded only for --fhir
      FhirScreening.run(fhir, engine, json, stdout);
      return 0;
    }
    if (batch != null) {
      if (file != null) {
        throw new UserInputException("give either FILE.json or --batch FILE.ndjson, not both");
      }
      int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
      if (n < 1 || n > 256) {
        throw new UserInputException("--threads must be between 1 and 256");
      }
      new BatchScreening(engine, spec.commandLine().getErr(), n).run(batch, out, stdout);
      return 0;
    }
    if (file == null) {
      throw new UserInputException("missing FILE.json (or --batch FILE.ndjson); see oligotrial screen --help");
    }
    ScreeningRecord record = read(file, protocol);
    EligibilityResult result = engine.evaluate(record);
    stdout.print(json ? EligibilityJson.toJson(result) + System.lineSeparator() : ScreeningReport.render(result,
        protocol, record));
    stdout.flush();
    return 0;
  }

  /** Reads a record in the shape the protocol declares; a bad record is a {@link UserInputException}. */
  static ScreeningRecord read(Path file, Protocol protocol) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such file: " + file, e);
    } catch (java.nio.charset.MalformedInputException e) {
      throw new UserInputException(file + ": not UTF-8 text", e);
    }
    try {
      return new ScreeningRecordParser(protocol).parse(text);
    } catch (ScreeningRecordException e) {
      throw new UserInputException(file + ": " + e.getMessage(), e);
    }
  }
}
