package org.oligotrial.server.web.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.Compliance;
import org.oligotrial.endpoints.EventSource;
import org.oligotrial.endpoints.TimeToEvent;
import org.oligotrial.endpoints.TreatmentDelivery;

/**
 * The web KM report says per arm what decided each participant's time, from the core derivation's source (the
 * dataset's pfs_source), and draws oligometastatic-foci control only for participants who have it. Six hand-made
 * rows, counted by hand.
 */
class SurvivalReportSourcesTest {
  private static final LocalDate D0 = LocalDate.of(2025, 1, 6);

  private static TimeToEvent t(long days, EventSource s) {
    return new TimeToEvent(days, s != EventSource.CENSORED, D0.plusDays(days), "hand-made", s);
  }

  private static AnalysisRow row(String id, String arm, TimeToEvent pfs, TimeToEvent ofc) {
    // keyed by the ids of protocols/nct03119519.yaml; local control not derived
    java.util.Map<String, TimeToEvent> endpoints = new java.util.LinkedHashMap<>();
    endpoints.put("pfs", pfs);
    endpoints.put("os", t(400, EventSource.CENSORED));
    endpoints.put("thoracic-pfs", pfs);
    endpoints.put("oligometastatic-control", ofc);
    return new AnalysisRow(id, arm, Arrays.asList(null, null, null, null, null),
        Compliance.of(new TreatmentDelivery(4, 4, 0, 0)), 0, endpoints);
  }

  private static org.oligotrial.protocol.Endpoint endpoint(String id) {
    return org.oligotrial.protocol.ProtocolLoader.bundled().endpoints().stream().filter(e -> e.id().equals(id))
        .findFirst().orElseThrow();
  }

  @Test
  void eachArmSaysWhatDecidedTheTimes() {
    List<AnalysisRow> rows = List.of(
        row("P1", "RT+", t(84, EventSource.RECIST), t(84, EventSource.RECIST)),
        row("P2", "RT+", t(120, EventSource.CLINICAL), null),
        row("P3", "RT+", t(200, EventSource.CENSORED), t(200, EventSource.CENSORED)),
        row("P4", "RT-", t(56, EventSource.RECIST), null),
        row("P5", "RT-", t(90, EventSource.DEATH), null),
        row("P6", "RT-", t(63, EventSource.RECIST), t(63, EventSource.RECIST)));
    SurvivalReport pfs = SurvivalReport.of(endpoint("pfs"), rows, List.of("RT+", "RT-"));
    assertThat(pfs.endpoint()).isEqualTo("Progression-free survival"); // the protocol's name, capitalized
    assertThat(pfs.column()).isEqualTo("pfs");
    assertThat(pfs.n()).isEqualTo(6);
    assertThat(pfs.comparison()).isEqualTo("RT+ vs RT-");
    assertThat(pfs.sourceSummary()).containsExactly(
        "RT+ decided by: RECIST progression 1, clinical progression 1, death 0, censored 1",
        "RT- decided by: RECIST progression 2, clinical progression 0, death 1, censored 0");
    SurvivalReport ofc = SurvivalReport.of(endpoint("oligometastatic-control"), rows, List.of("RT+", "RT-"));
    assertThat(ofc.n()).isEqualTo(3); // P1, P3, P6 have a baseline focus
    assertThat(ofc.sourceSummary()).containsExactly(
        "RT+ decided by: RECIST progression 1, clinical progression 0, death 0, censored 1",
        "RT- decided by: RECIST progression 1, clinical progression 0, death 0, censored 0");
    assertThat(ofc.curves()).hasSize(2);
  }
}
