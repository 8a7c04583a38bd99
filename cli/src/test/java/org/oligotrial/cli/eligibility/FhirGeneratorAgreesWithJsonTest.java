package org.oligotrial.cli.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.EligibilityResult;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.eligibility.Verdict;
import org.oligotrial.fhir.BundleToRecord;
import org.oligotrial.fhir.R4Validation;
import org.oligotrial.fhir.RecordToBundle;
import org.oligotrial.protocol.ProtocolLoader;

/**
 * The generator's patients written as mCODE bundles: valid base R4 (HAPI's validator, a sample of each seed), and
 * mapped back they give the verdict, failed and undecided criteria of the JSON record of the same patient, over many
 * seeds; every verdict occurs, so the agreement is not that of a constant.
 */
class FhirGeneratorAgreesWithJsonTest {
  static final EligibilityEngine ENGINE = new EligibilityEngine(ProtocolLoader.bundled());

  @Test
  void mappedBundlesGiveTheJsonVerdictOverManySeeds() throws Exception {
    ScreeningRecordParser parser = new ScreeningRecordParser();
    BundleToRecord mapper = new BundleToRecord();
    Map<Verdict, Integer> seen = new EnumMap<>(Verdict.class);
    int[] n = {0};
    for (long seed = 1; seed <= 40; seed++) {
      FhirGeneration.generate(seed, 50, (record, bundle) -> {
        // through the JSON text, as a file would be read
        var mapped = mapper.map(BundleToRecord.parseBundle(RecordToBundle.toJson(bundle)), LocalDate.of(2000, 1, 1));
        EligibilityResult viaJson = ENGINE.evaluate(parser.parse(record.toString()));
        EligibilityResult viaFhir = ENGINE.evaluate(mapped.toScreeningRecord());
        assertThat(viaFhir.verdict()).as(record.toString()).isEqualTo(viaJson.verdict());
        assertThat(viaFhir.failed()).as(record.toString()).isEqualTo(viaJson.failed());
        assertThat(viaFhir.unknown()).as(record.toString()).isEqualTo(viaJson.unknown());
        seen.merge(viaJson.verdict(), 1, Integer::sum);
        n[0]++;
      });
    }
    assertThat(n[0]).isEqualTo(2000);
    assertThat(seen.keySet()).contains(Verdict.ELIGIBLE, Verdict.INELIGIBLE, Verdict.INCOMPLETE);
  }

  @Test
  void generatedBundlesAreValidR4() throws Exception {
    for (long seed = 1; seed <= 5; seed++) {
      FhirGeneration.generate(seed, 4, (record, bundle) ->
          assertThat(R4Validation.errors(bundle)).as(record.path("id").asString()).isEmpty());
    }
  }
}
