package org.oligotrial.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.oligotrial.endpoints.Histories.participant;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.randomization.Nct03119519;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.StratificationFactor;
import org.oligotrial.randomization.TestProtocols;

/**
 * The analysis dataset CSV: header, one line per participant, NA for what does not apply; one strata column per
 * factor of the protocol, named by its id.
 */
class AnalysisCsvTest {
  private static final List<StratificationFactor> FACTORS = Nct03119519.FACTORS;
  /** protocols/nct03119519.yaml: endpoints pfs, os, thoracic-pfs, local-control, oligometastatic-control. */
  private static final org.oligotrial.protocol.Protocol PROTOCOL = org.oligotrial.protocol.ProtocolLoader.bundled();

  @Test
  void writesHeaderAndOneLinePerParticipant() {
    ParticipantEndpoints rtPlus = participant().id("P1").stratum("histology", "squamous")
        .stratum("first_line", "non-targeted").stratum("brain_metastasis", "no").stratum("metastases", "2-5")
        .stratum("thoracic_stage", "III").assessedOn(42, 84).progression(126, ProgressionSite.THORACIC)
        .diedOn(200).treatedLesion("T1", 126).delivered(4, 4, 30, 27).adverseEvent("Pneumonitis", 2).derive();
    ParticipantEndpoints rtMinus = participant().id("P2").arm("RT-").stratum("histology", "non-squamous")
        .assessedOn(42).lastKnownAlive(60).delivered(4, 2, 0, 0).derive();
    String csv = AnalysisCsv.toCsv(PROTOCOL, FACTORS, List.of(AnalysisRow.of(rtPlus, FACTORS),
        AnalysisRow.of(rtMinus, FACTORS)));
    // P1's progression is a progression form without tumour assessments: pfs_source and tpfs_source CLINICAL; its
    // local control is the irradiated lesion's local progression (CLINICAL); no ofc without tumour assessments (NA).
    // P2 has no irradiated lesion: lc NA. months: 126 / 30.4375 = 4.1396; 200 / 30.4375 = 6.5708;
    // 42 / 30.4375 = 1.3799; 60 / 30.4375 = 1.9713
    assertThat(csv).isEqualTo("""
        participant_id,arm,histology,first_line,brain_metastasis,metastases,thoracic_stage,\
        pfs_time,pfs_event,pfs_months,pfs_source,os_time,os_event,os_months,\
        tpfs_time,tpfs_event,tpfs_months,tpfs_source,lc_time,lc_event,lc_months,lc_source,\
        ofc_time,ofc_event,ofc_months,ofc_source,cycle_compliance,fraction_compliance,worst_grade
        P1,RT+,squamous,non-targeted,no,2-5,III,126,1,4.1396,CLINICAL,200,1,6.5708,126,1,4.1396,CLINICAL,\
        126,1,4.1396,CLINICAL,NA,NA,NA,NA,1.0000,0.9000,2
        P2,RT-,non-squamous,NA,NA,NA,NA,42,0,1.3799,CENSORED,60,0,1.9713,42,0,1.3799,CENSORED,NA,NA,NA,NA,\
        NA,NA,NA,NA,0.5000,NA,0
        """);
  }

  @Test
  void quotesTextWithCommas() {
    String csv = AnalysisCsv.toCsv(PROTOCOL, FACTORS, List.of(AnalysisRow.of(participant().id("P,1").derive(),
        FACTORS)));
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("\"P,1\",RT+,");
  }

  @Test
  void unknownStratumLevelIsRejected() {
    ParticipantEndpoints e = participant().stratum("histology", "small-cell").derive();
    assertThatThrownBy(() -> AnalysisRow.of(e, FACTORS)).isInstanceOf(InvalidHistoryException.class)
        .hasMessageContaining("strata.histology");
  }

  @Test
  void aTrialWithOneFactorHasOneStrataColumnAndItsOwnArms() {
    // SABR-COMET's randomization (test protocol): one factor, metastases 1-3 / 4-5; arms SOC and SOC+SABR
    List<StratificationFactor> sabr = ProtocolRandomization.factors(TestProtocols.sabrCometLike());
    ParticipantEndpoints e = participant().id("S1").arm("SOC+SABR").stratum("metastases", "4-5").assessedOn(42)
        .lastKnownAlive(60).derive();
    String csv = AnalysisCsv.toCsv(TestProtocols.sabrCometLike(), sabr, List.of(AnalysisRow.of(e, sabr)));
    // sabr-comet-like.yaml: pfs is its only endpoint with an event block
    assertThat(AnalysisCsv.columns(TestProtocols.sabrCometLike(), sabr).subList(0, 4))
        .containsExactly("participant_id", "arm", "metastases", "pfs_time");
    assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith("S1,SOC+SABR,4-5,42,0,");
  }

  @Test
  void aFactorOfAnotherTrialIsRejectedNamingIt() {
    List<StratificationFactor> sabr = ProtocolRandomization.factors(TestProtocols.sabrCometLike());
    ParticipantEndpoints e = participant().stratum("histology", "squamous").derive();
    assertThatThrownBy(() -> AnalysisRow.of(e, sabr)).isInstanceOf(InvalidHistoryException.class)
        .hasMessage("strata: unknown stratification factor 'histology'; expected [metastases]");
  }
}
