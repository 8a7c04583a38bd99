package org.oligotrial.cli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.eligibility.Verdict;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

/** Records drawn from a protocol's declared record are readable by that protocol's parser and reproducible. */
class DeclaredRecordGeneratorTest {
  private static final Protocol COMET = ProtocolLoader.load(Path.of("..", "protocols", "nct01446744.yaml"));
  /** The test-only protocol whose record shares no field name with either real trial (core's test resources). */
  static final Path MADE_UP = Path.of("..", "core", "src", "test", "resources", "org", "oligotrial", "protocol",
      "made-up-trial.yaml");

  /**
   * Records aimed at the protocol's criteria: 300 records of each protocol parse, and each verdict occurs at least
   * 30 times (the aim is 2/5 eligible, 2/5 ineligible, 1/5 incomplete; 30 is far below each aim so the bound holds for
   * any seed, not only this one); every ineligible record fails a criterion and every incomplete one lacks a field.
   */
  @ParameterizedTest
  @ValueSource(strings = {"../protocols/nct01446744.yaml",
      "../core/src/test/resources/org/oligotrial/protocol/made-up-trial.yaml"})
  void recordsAimedAtTheCriteriaParseAndEveryVerdictOccurs(String file) {
    Protocol p = ProtocolLoader.load(Path.of(file));
    ScreeningRecordParser parser = new ScreeningRecordParser(p);
    EligibilityEngine engine = new EligibilityEngine(p);
    for (long seed : new long[] {1, 2}) {
      DeclaredRecordGenerator g = new DeclaredRecordGenerator(p, seed);
      Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
      for (int i = 0; i < 300; i++) {
        EligibilityResult r = engine.evaluate(parser.parse(g.next(new StringBuilder()).toString()));
        verdicts.merge(r.verdict(), 1, Integer::sum);
        if (r.verdict() == Verdict.INELIGIBLE) {
          assertThat(r.failed()).isNotEmpty();
        }
        if (r.verdict() == Verdict.INCOMPLETE) {
          assertThat(r.unknown()).isNotEmpty();
        }
      }
      assertThat(verdicts).as(file + " seed " + seed + ": " + verdicts).containsKeys(Verdict.ELIGIBLE,
          Verdict.INELIGIBLE, Verdict.INCOMPLETE);
      assertThat(verdicts.values()).allMatch(count -> count >= 30);
    }
  }

  @Test
  void labValuesAreWrittenInTheCriterionsOwnUnit() {
    Protocol p = ProtocolLoader.load(MADE_UP);
    DeclaredRecordGenerator g = new DeclaredRecordGenerator(p, 5);
    int inCriterionUnits = 0;
    for (int i = 0; i < 50; i++) {
      String line = g.next(new StringBuilder()).toString();
      // BLOOD compares HGB in mmol/L, PLT in /uL and CREAT in mg/dL; a record aimed to fail BLOOD through one analyte
      // draws the other two freely, in their canonical units
      if (line.contains("\"unit\":\"mmol/L\"") && line.contains("\"unit\":\"/uL\"")
          && line.contains("\"unit\":\"mg/dL\"")) {
        inCriterionUnits++;
      }
    }
    assertThat(inCriterionUnits).isGreaterThan(25);
  }

  @Test
  void everyDrawnSabrCometRecordIsReadableAndTheSeedRepeatsThem() {
    DeclaredRecordGenerator a = new DeclaredRecordGenerator(COMET.record(), 7);
    DeclaredRecordGenerator b = new DeclaredRecordGenerator(COMET.record(), 7);
    ScreeningRecordParser parser = new ScreeningRecordParser(COMET);
    EligibilityEngine engine = new EligibilityEngine(COMET);
    Map<Verdict, Integer> verdicts = new EnumMap<>(Verdict.class);
    for (int i = 0; i < 500; i++) {
      String line = a.next(new StringBuilder()).toString();
      assertThat(b.next(new StringBuilder()).toString()).isEqualTo(line);
      verdicts.merge(engine.evaluate(parser.parse(line)).verdict(), 1, Integer::sum);
    }
    // one field in 20 left out: some records are incomplete, and uniform draws make most ineligible
    assertThat(verdicts.getOrDefault(Verdict.INELIGIBLE, 0)).isGreaterThan(0);
    assertThat(verdicts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(500);
  }

  @Test
  void theBundledProtocolsRecordCanBeDrawnToo() {
    DeclaredRecordGenerator g = new DeclaredRecordGenerator(ProtocolLoader.bundled().record(), 3);
    ScreeningRecordParser parser = new ScreeningRecordParser();
    for (int i = 0; i < 200; i++) {
      assertThat(parser.parse(g.next(new StringBuilder()).toString()).id()).isEqualTo("GEN-" + (i + 1));
    }
  }
}
