package org.oligotrial.eligibility;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.oligotrial.protocol.ProtocolLoader;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test candidates: examples/screening/eligible.json (which passes every NCT03119519 criterion) edited field by field,
 * written back to JSON and read with the real parser, so each test changes exactly one thing.
 */
final class Candidates {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final EligibilityEngine NCT03119519 = new EligibilityEngine(ProtocolLoader.bundled());
  private static final String ELIGIBLE = read("eligible.json");

  private Candidates() {}

  static String read(String example) {
    try {
      return Files.readString(Path.of("..", "examples", "screening", example));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The eligible example, edited. An edit that replaces the metastases but leaves the intracranial-metastasis answer
   * as it was gets the answer its sites imply (a brain or leptomeningeal site or not), so that a test of the lesion
   * count changes only the count; tests of the answer itself set it.
   */
  static ScreeningRecord eligibleWith(Consumer<ObjectNode> edit) {
    ObjectNode base = (ObjectNode) JSON.readTree(ELIGIBLE);
    ObjectNode n = base.deepCopy();
    edit.accept(n);
    if (!n.path("metastases").equals(base.path("metastases"))
        && n.path("intracranialMetastasis").equals(base.path("intracranialMetastasis"))) {
      boolean cns = false;
      for (var m : n.path("metastases")) {
        cns |= java.util.List.of("brain", "leptomeninges").contains(m.path("site").asString(""));
      }
      n.put("intracranialMetastasis", cns);
    }
    return new ScreeningRecordParser().parse(JSON.writeValueAsString(n));
  }

  static EligibilityResult screen(Consumer<ObjectNode> edit) {
    return NCT03119519.evaluate(eligibleWith(edit));
  }

  static CriterionResult criterion(Consumer<ObjectNode> edit, String id) {
    return screen(edit).criteria().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  static ObjectNode lab(ObjectNode record, String analyte) {
    return (ObjectNode) record.get("labs").get(analyte);
  }
}
