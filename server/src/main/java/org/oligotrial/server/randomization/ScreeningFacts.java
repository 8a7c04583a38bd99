package org.oligotrial.server.randomization;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.oligotrial.eligibility.ProtocolDerivations;
import org.oligotrial.eligibility.ScreeningRecord;
import org.oligotrial.eligibility.ScreeningRecordException;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.Regimen;
import org.oligotrial.randomization.ParticipantFactors;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads what randomization needs from a stored screening record, by the protocol's rules alone: the level of each
 * stratification factor ({@code stratification[].levels[].when}) and, when the protocol has {@code systemicTherapy}
 * rules, the regimen. Every reason that blocks randomization is reported with its field, not only the first: a
 * factor whose rules need a field that is not recorded ({@code screeningRecord.<field>}), a factor whose levels all
 * fail or more than one hold ({@code stratification.<factor>}), a regimen that cannot be chosen yet. Immutable and
 * thread-safe.
 */
final class ScreeningFacts {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ProtocolDerivations derivations;
  private final ScreeningRecordParser parser;
  private final String noRegimen;

  ScreeningFacts(Protocol protocol) {
    this.derivations = new ProtocolDerivations(protocol);
    this.parser = new ScreeningRecordParser(protocol);
    this.noRegimen = protocol.systemicTherapy() == null || protocol.systemicTherapy().otherwise() == null
        ? "no systemic regimen of the protocol applies to this record"
        : protocol.systemicTherapy().otherwise();
  }

  /** Why a participant cannot be randomized: the field and a message for the investigator. */
  record Blocker(String field, String message) {}

  /**
   * The levels and regimen, or the reasons they cannot be told.
   *
   * @param levels the factor levels; null when {@code blockers} is not empty
   * @param regimen the regimen the protocol's rules chose (empty when the protocol has none)
   * @param blockers every reason found, in protocol order
   */
  record Reading(ParticipantFactors levels, Optional<Regimen> regimen, List<Blocker> blockers) {
    Reading {
      Objects.requireNonNull(regimen, "regimen");
      blockers = List.copyOf(blockers);
    }
  }

  /**
   * Parses the stored record. A top-level field the record format does not know (written by another screening
   * evaluator, or by an earlier version of the format) is skipped, as the derivations never read it; anything else
   * the parser refuses is reported.
   */
  private ScreeningRecord parse(String json) {
    String current = json;
    for (int skipped = 0; ; skipped++) {
      try {
        return parser.parse(current);
      } catch (ScreeningRecordException e) {
        String f = e.field();
        if (skipped >= 20 || f == null || f.isEmpty() || f.contains(".") || !e.problem().startsWith("unknown field")) {
          throw e;
        }
        ObjectNode tree = (ObjectNode) JSON.readTree(current);
        tree.remove(f);
        current = JSON.writeValueAsString(tree);
      }
    }
  }

  Reading read(String recordJson) {
    ScreeningRecord record;
    try {
      record = parse(recordJson);
    } catch (ScreeningRecordException e) {
      String field = e.field() == null || e.field().isEmpty() ? "screeningRecord" : "screeningRecord." + e.field();
      return new Reading(null, Optional.empty(), List.of(new Blocker(field, "the stored screening record cannot be"
          + " read: " + e.problem())));
    }
    List<Blocker> blockers = new ArrayList<>();
    ProtocolDerivations.Stratification s = derivations.stratify(record);
    for (ProtocolDerivations.FactorProblem p : s.problems()) {
      String field = p.fields().isEmpty() ? "stratification." + p.factor() : "screeningRecord." + p.fields().get(0);
      blockers.add(new Blocker(field, p.message()));
    }
    Optional<Regimen> regimen = derivations.regimen(record);
    if (derivations.hasRegimens() && regimen.isEmpty()) {
      List<String> missing = derivations.regimenMissingFields(record);
      List<String> read = missing.isEmpty() ? derivations.regimenFields() : missing;
      String field = read.isEmpty() ? "systemicTherapy" : "screeningRecord." + read.get(0);
      // one reason per field: a factor refused on the same field already says what to record
      if (blockers.stream().noneMatch(b -> b.field().equals(field))) {
        blockers.add(new Blocker(field, "no systemic regimen can be chosen: " + noRegimen
            + (missing.isEmpty() ? "" : " (record " + String.join(", ", missing) + ")")));
      }
    }
    if (!blockers.isEmpty()) {
      return new Reading(null, regimen, blockers);
    }
    return new Reading(new ParticipantFactors(s.levels()), regimen, List.of());
  }
}
