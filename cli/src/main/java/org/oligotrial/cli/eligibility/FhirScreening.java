package org.oligotrial.cli.eligibility;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.oligotrial.input.UserInputException;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityJson;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.fhir.BundleMappingException;
import org.oligotrial.fhir.BundleToRecord;
import org.oligotrial.fhir.FieldSource;
import org.oligotrial.fhir.MappedRecord;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code oligotrial screen --fhir}: one patient's bundle mapped to a screening record and evaluated; the report is
 * followed by the provenance of every mapped field. Kept apart from {@link ScreenCommand} so that HAPI FHIR's
 * classes load only for this option.
 */
final class FhirScreening {
  private FhirScreening() {}

  static void run(Path file, EligibilityEngine engine, boolean json, PrintWriter out) throws IOException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserInputException("no such file: " + file, e);
    } catch (MalformedInputException e) {
      throw new UserInputException(file + ": not UTF-8 text", e);
    }
    QuietFhirLogs.apply();
    MappedRecord mapped;
    ScreeningRecord record;
    try {
      mapped = new BundleToRecord().map(BundleToRecord.parseBundle(text), LocalDate.now());
      record = mapped.toScreeningRecord();
    } catch (BundleMappingException e) {
      throw new UserInputException(file + ": " + e.getMessage(), e);
    }
    EligibilityResult result = engine.evaluate(record);
    if (json) {
      ObjectNode node = (ObjectNode) JsonMapper.builder().build().readTree(EligibilityJson.toJson(result));
      ObjectNode prov = node.putObject("provenance");
      mapped.provenance().forEach((field, src) -> prov.putObject(field).put("resourceType", src.resourceType())
          .put("id", src.id()).put("element", src.element()).put("code", src.code()));
      out.println(node.toString());
    } else {
      out.print(ScreeningReport.render(result, engine.protocol(), record));
      out.println();
      out.println("Mapped from FHIR (record field <- resource, element, code)");
      if (!mapped.provenance().containsKey("screeningDate")) {
        out.println("  screeningDate                 <- today (the bundle has no timestamp)");
      }
      for (Map.Entry<String, FieldSource> e : mapped.provenance().entrySet()) {
        out.printf("  %-29s <- %s%n", e.getKey(), e.getValue());
      }
    }
    out.flush();
  }
}
