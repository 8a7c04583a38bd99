package org.oligotrial.server.participant;

import java.util.Locale;
import org.oligotrial.server.kernel.ConflictException;
import org.oligotrial.server.kernel.InvalidFieldException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The screening record of a gene-result amendment: the latest record with its {@code egfr} set to the result.
 *
 * <p>Why: a participant may consent before the EGFR test is back (the protocol's systemic therapy, EGFR-TKI or a
 * platinum doublet, depends on it, so randomization waits for it), and after consent screening is closed to plain
 * re-screening. The amendment is the documented way forward: a new screening version, identical to the latest but
 * for the gene result, with a reason, evaluated again by the eligibility engine and audited like any screening
 * version ({@link ParticipantService#amendGeneResult}).
 */
final class GeneResultAmendment {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private GeneResultAmendment() {}

  /**
   * The result as the screening record spells it: {@code mutant} or {@code wild-type}.
   *
   * @throws InvalidFieldException ({@code egfr}) for anything else
   */
  static String result(String egfr) {
    String e = egfr == null ? "" : egfr.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    if (e.equals("wildtype")) {
      e = "wild-type";
    }
    if (!e.equals("mutant") && !e.equals("wild-type")) {
      throw new InvalidFieldException("egfr", "must be mutant or wild-type (the result of the gene test)");
    }
    return e;
  }

  /** Whether the record's EGFR status is unknown: absent, null, empty or {@code unknown}. */
  static boolean unknown(JsonNode record) {
    JsonNode e = record.path("egfr");
    return e.isMissingNode() || e.isNull() || e.asString("").isBlank()
        || e.asString("").equalsIgnoreCase("unknown");
  }

  /**
   * The amended record.
   *
   * @throws ConflictException ({@code egfr}) when the latest record's EGFR status is known already (a correction of
   *     a known result is not an amendment of a missing one)
   */
  static String amend(String latestRecordJson, String result) {
    JsonNode record;
    try {
      record = JSON.readTree(latestRecordJson);
    } catch (JacksonException e) {
      throw new IllegalStateException("a stored screening record is not JSON", e);
    }
    if (!(record instanceof ObjectNode o)) {
      throw new IllegalStateException("a stored screening record is not a JSON object");
    }
    if (!unknown(o)) {
      throw new ConflictException("egfr", "the EGFR status is already " + o.path("egfr").asString()
          + "; a gene-result amendment records a result that was unknown");
    }
    ObjectNode copy = o.deepCopy();
    copy.put("egfr", result);
    return JSON.writeValueAsString(copy);
  }
}
