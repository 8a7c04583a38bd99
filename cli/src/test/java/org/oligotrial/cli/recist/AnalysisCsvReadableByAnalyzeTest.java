package org.oligotrial.cli.recist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.cli.analyze.CsvDataset;
import org.oligotrial.cli.analyze.SurvivalSelection;
import org.oligotrial.endpoints.AnalysisCsv;
import org.oligotrial.endpoints.AnalysisRow;
import org.oligotrial.endpoints.EndpointDerivation;
import org.oligotrial.endpoints.ParticipantHistory;
import org.oligotrial.endpoints.ProgressionEvent;
import org.oligotrial.endpoints.ProgressionSite;
import org.oligotrial.endpoints.TreatedLesion;
import org.oligotrial.endpoints.TreatmentDelivery;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.StratificationFactor;

/** The analysis dataset written by the endpoints package is read as it is by {@code oligotrial analyze}. */
class AnalysisCsvReadableByAnalyzeTest {

  private static final LocalDate R = LocalDate.of(2024, 1, 1);
  /** The strata columns of the bundled protocol (protocols/nct03119519.yaml). */
  private static final List<StratificationFactor> FACTORS =
      ProtocolRandomization.factors(ProtocolLoader.bundled());

  /** localProgressionDay: null = no irradiated lesion, 0 = irradiated without local progression. */
  private static ParticipantHistory history(String id, String arm, Integer progressionDay, Integer deathDay,
      Integer localProgressionDay) {
    return new ParticipantHistory(id, arm, Map.of("histology", "squamous"), R,
        progressionDay == null ? List.of() : List.of(new ProgressionEvent(R.plusDays(progressionDay),
            ProgressionSite.THORACIC)),
        List.of(R.plusDays(42), R.plusDays(84)), deathDay == null ? null : R.plusDays(deathDay), null, null,
        localProgressionDay == null ? List.of()
            : List.of(new TreatedLesion("T1", localProgressionDay == 0 ? null : R.plusDays(localProgressionDay))), List.of(), TreatmentDelivery.NONE);
  }

  @Test
  void analyzeReadsTimesEventsAndArmsAndDropsNotApplicableLocalControl(@TempDir Path dir) throws IOException {
    List<AnalysisRow> rows = new EndpointDerivation(org.oligotrial.protocol.ProtocolLoader.bundled()).deriveAll(List.of(
            history("P1", "RT+", 84, null, 84),
            history("P2", "RT+", null, 100, 0),
            history("P3", "RT-", 42, 150, null),
            history("P4", "RT-", null, null, null)))
        .stream().map(e -> AnalysisRow.of(e, FACTORS)).toList();
    Path csv = dir.resolve("analysis.csv");
    Files.writeString(csv, AnalysisCsv.toCsv(org.oligotrial.protocol.ProtocolLoader.bundled(), FACTORS, rows));

    SurvivalSelection pfs = CsvDataset.read(csv).survival("pfs_time", "pfs_event", "arm", "histology");
    assertThat(pfs.data().size()).isEqualTo(4);
    assertThat(pfs.nDropped()).isZero();
    // P1 progression day 84; P2 death day 100 (16 days after day 84); P3 progression day 42; P4 censored day 84
    assertThat(new double[] {pfs.data().time(0), pfs.data().time(1), pfs.data().time(2), pfs.data().time(3)})
        .containsExactly(84, 100, 42, 84);
    assertThat(new boolean[] {pfs.data().event(0), pfs.data().event(1), pfs.data().event(2), pfs.data().event(3)})
        .containsExactly(true, true, true, false);

    // local control applies to the two RT+ participants only; the RT- rows hold NA and are dropped
    SurvivalSelection lc = CsvDataset.read(csv).survival("lc_time", "lc_event", "arm", null);
    assertThat(lc.data().size()).isEqualTo(2);
    assertThat(lc.nDropped()).isEqualTo(2);

    SurvivalSelection os = CsvDataset.read(csv).survival("os_months", "os_event", "arm", null);
    assertThat(os.data().size()).isEqualTo(4);

    // the command shown in docs/endpoints.md
    RecistEvaluateCommandTest.Run km = RecistEvaluateCommandTest.run("analyze", "km", "--data", csv.toString(),
        "--time", "pfs_months", "--event", "pfs_event", "--group", "arm");
    assertThat(km.exit()).as(km.err()).isZero();
    assertThat(km.out()).contains("RT+").contains("RT-");
  }
}
