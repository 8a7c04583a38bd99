package org.oligotrial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.eligibility.Candidates.NCT03119519;
import static org.oligotrial.eligibility.Candidates.lab;
import static org.oligotrial.eligibility.Candidates.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Verdict rules: any FAIL gives INELIGIBLE, else any UNKNOWN gives INCOMPLETE with the missing paths, else ELIGIBLE. */
class VerdictTest {
  private final ScreeningRecordParser parser = new ScreeningRecordParser();

  @Test
  void failureWinsOverMissingData() {
    EligibilityResult r = screen(n -> {
      n.put("ecog", 3);
      n.remove("consentSigned");
    });
    assertThat(r.verdict()).isEqualTo(Verdict.INELIGIBLE);
    assertThat(r.failed()).containsExactly("I4");
    assertThat(r.unknown()).containsExactly("I9");
  }

  @Test
  void missingDataWithoutFailureIsIncompleteAndListsExactlyWhatIsMissing() {
    EligibilityResult r = screen(n -> {
      n.remove("consentSigned");
      ((ObjectNode) n.get("labs")).remove("PLT");
      n.remove("allergies");
    });
    assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(r.missing()).containsExactly("labs.PLT", "consentSigned", "allergies");
  }

  @Test
  void emptyRecordIsIncompleteAndNeedsEveryField() {
    EligibilityResult r = NCT03119519.evaluate(parser.parse("{\"id\": \"EMPTY\"}"));
    assertThat(r.verdict()).isEqualTo(Verdict.INCOMPLETE);
    assertThat(r.criteria()).allMatch(c -> c.status() == CriterionStatus.UNKNOWN);
    assertThat(r.missing()).containsExactly("birthDate", "screeningDate", "diagnosis.histology",
        "diagnosis.confirmation", "staging.m", "primaryTumor.longestDiameterMm", "metastases", "ecog",
        "priorTreatments", "lifeExpectancyMonths", "labs.WBC", "labs.NEU", "labs.PLT", "labs.HGB", "labs.TBIL",
        "labs.AST", "labs.ALT", "labs.CREAT", "consentSigned", "canTolerateSystemicTherapy", "otherMalignancy",
        "uncontrolledSeriousDisease", "sex", "pregnant", "breastfeeding", "allergies", "expectedToComplete");
  }

  @Test
  void everyReasonNamesItsValuesAndEveryResultItsSource() {
    EligibilityResult r = Candidates.NCT03119519.evaluate(parser.parse(Candidates.read("ineligible.json")));
    assertThat(r.criteria()).allSatisfy(c -> {
      assertThat(c.reason()).isNotBlank();
      assertThat(c.source()).startsWith("NCT03119519 registry: \"");
    });
    assertThat(r.criteria().get(6).reason()).contains("HGB 5.3 mmol/L = 8.54042 g/dL (x 1.6114) (fails >= 9 g/dL)");
    assertThat(r.criteria().get(6).source()).contains("hemoglobin (HGB)≥9g/L").endsWith("protocol notes N1, N2");
  }

  @Test
  void verdictFollowsCriterionStatusesForRandomCandidates() {
    // property over 3000 seeded random edits of the eligible example
    Random rnd = new Random(7);
    for (int i = 0; i < 3000; i++) {
      EligibilityResult r = screen(n -> randomEdit(n, rnd));
      boolean anyFail = r.criteria().stream().anyMatch(c -> c.status() == CriterionStatus.FAIL);
      boolean anyUnknown = r.criteria().stream().anyMatch(c -> c.status() == CriterionStatus.UNKNOWN);
      Verdict expected = anyFail ? Verdict.INELIGIBLE : anyUnknown ? Verdict.INCOMPLETE : Verdict.ELIGIBLE;
      assertThat(r.verdict()).isEqualTo(expected);
      assertThat(r.missing().isEmpty()).isEqualTo(!anyUnknown);
      r.criteria().forEach(c -> assertThat(c.missing().isEmpty()).isEqualTo(c.status() != CriterionStatus.UNKNOWN));
    }
  }

  private static void randomEdit(ObjectNode n, Random rnd) {
    String[] removable = {"birthDate", "sex", "pregnant", "ecog", "consentSigned", "allergies", "metastases",
        "priorTreatments", "lifeExpectancyMonths", "otherMalignancy"};
    for (int k = rnd.nextInt(3); k > 0; k--) {
      n.remove(removable[rnd.nextInt(removable.length)]);
    }
    if (rnd.nextBoolean()) {
      n.put("ecog", rnd.nextInt(6));
    }
    if (rnd.nextBoolean()) {
      lab(n, "HGB").put("value", 7 + rnd.nextInt(60) / 10.0).put("unit", "g/dL");
    }
    if (rnd.nextInt(4) == 0) {
      ((ObjectNode) n.get("labs")).remove(new String[] {"WBC", "TBIL", "CREAT"}[rnd.nextInt(3)]);
    }
    if (rnd.nextInt(4) == 0) {
      n.put("otherMalignancy", rnd.nextBoolean());
    }
  }

  @Test
  void oneEngineGivesTheSameAnswersFromManyThreads() throws Exception {
    List<ScreeningRecord> records = new ArrayList<>();
    for (String f : new String[] {"eligible.json", "ineligible.json", "incomplete.json"}) {
      records.add(parser.parse(Candidates.read(f)));
    }
    List<String> expected = records.stream().map(r -> EligibilityJson.toJson(NCT03119519.evaluate(r))).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int i = 0; i < 300; i++) {
            int k = i % 3;
            if (!EligibilityJson.toJson(NCT03119519.evaluate(records.get(k))).equals(expected.get(k))) {
              return false;
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        assertThat(f.get()).isTrue();
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void jsonFormHasIdVerdictCriteriaAndMissing() {
    EligibilityResult r = NCT03119519.evaluate(parser.parse(Candidates.read("incomplete.json")));
    JsonNode j = Candidates.JSON.readTree(EligibilityJson.toJson(r));
    assertThat(j.get("id").asString()).isEqualTo("SCR-0003");
    assertThat(j.get("verdict").asString()).isEqualTo("INCOMPLETE");
    assertThat(j.get("criteria")).hasSize(17);
    JsonNode i7 = j.get("criteria").get(6);
    assertThat(i7.get("id").asString()).isEqualTo("I7");
    assertThat(i7.get("kind").asString()).isEqualTo("inclusion");
    assertThat(i7.get("status").asString()).isEqualTo("UNKNOWN");
    assertThat(i7.get("reason").asString()).startsWith("missing labs.HGB");
    assertThat(i7.get("source").asString()).contains("HGB");
    assertThat(j.get("missing")).hasSize(3);
  }

  @Test
  void asciiFormIsTheSameJsonValueInAsciiOnly() {
    EligibilityResult r = NCT03119519.evaluate(parser.parse(Candidates.read("eligible.json")));
    String plain = EligibilityJson.toJson(r);
    String ascii = EligibilityJson.toAsciiJson(r);
    // the registry quotes in the sources have signs outside ASCII, such as the greater-or-equal sign
    assertThat(plain.chars().anyMatch(c -> c > 127)).isTrue();
    assertThat(ascii.chars().allMatch(c -> c < 128)).isTrue();
    assertThat(Candidates.JSON.readTree(ascii)).isEqualTo(Candidates.JSON.readTree(plain));
  }
}
