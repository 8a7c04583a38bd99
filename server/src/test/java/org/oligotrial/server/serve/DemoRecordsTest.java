package org.oligotrial.server.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.participant.ProtocolScreeningEvaluator;

/** The demo's synthetic records are valid and give the verdicts their Javadoc promises. */
class DemoRecordsTest {
  @Test
  void demoRecordsGiveTheAdvertisedVerdicts() {
    ProtocolScreeningEvaluator ev = new ProtocolScreeningEvaluator();
    List<String> verdicts = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      verdicts.add(ev.evaluate(DemoRecords.record(i)).verdict());
    }
    assertThat(verdicts).containsExactly("ELIGIBLE", "ELIGIBLE", "INELIGIBLE", "ELIGIBLE", "INCOMPLETE",
        "INELIGIBLE");
  }
}
