package org.oligotrial.endpoints;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.endpoints.Histories.participant;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.randomization.StratificationFactor;
import org.oligotrial.randomization.TestProtocols;

/**
 * The time-to-event endpoints and dataset columns come from the protocol: its endpoints with an {@code event} block,
 * in protocol order, each under its {@code column} prefix.
 */
class ProtocolEndpointColumnsTest {

  @Test
  void aThirdTrialDerivesAndWritesItsOwnEndpoints() {
    // three-arms.yaml: surv (OS, primary), chest (thoracic, death censored), efs2 (any progression, death window 60)
    Protocol p = TestProtocols.threeArms();
    List<StratificationFactor> factors = ProtocolRandomization.factors(p);
    EndpointDerivation d = new EndpointDerivation(p);
    // A: assessed 42, 84; thoracic progression form on 126; died 170
    ParticipantEndpoints a = d.derive(participant().id("A").arm("high-dose").assessedOn(42, 84)
        .progression(126, ProgressionSite.THORACIC).diedOn(170).build());
    // B: assessed 42; died 100 = 58 days after 42 (within 60): efs2 event by death; chest censored at 42 (competing)
    ParticipantEndpoints b = d.derive(participant().id("B").arm("observation").assessedOn(42).diedOn(100).build());
    assertThat(a.timeToEvent().keySet()).containsExactly("os", "chest-control", "efs");
    String csv = AnalysisCsv.toCsv(p, factors, List.of(AnalysisRow.of(a, factors), AnalysisRow.of(b, factors)));
    // months = days / 30.4375: 170 -> 5.5852, 126 -> 4.1396, 100 -> 3.2854, 42 -> 1.3799
    assertThat(csv).isEqualTo("""
        participant_id,arm,cell_type,ps,surv_time,surv_event,surv_months,chest_time,chest_event,chest_months,\
        chest_source,efs2_time,efs2_event,efs2_months,efs2_source,cycle_compliance,fraction_compliance,worst_grade
        A,high-dose,NA,NA,170,1,5.5852,126,1,4.1396,CLINICAL,126,1,4.1396,CLINICAL,NA,NA,0
        B,observation,NA,NA,100,1,3.2854,42,0,1.3799,CENSORED,100,1,3.2854,DEATH,NA,NA,0
        """);
    assertThat(AnalysisCsv.primaryPrefix(p)).isEqualTo("surv");
    // the pooled dataset: the same rows without the arm and the two compliance columns
    String pooled = AnalysisCsv.toCsvPooled(p, factors, List.of(AnalysisRow.of(a, factors),
        AnalysisRow.of(b, factors)));
    assertThat(pooled).isEqualTo("""
        participant_id,cell_type,ps,surv_time,surv_event,surv_months,chest_time,chest_event,chest_months,\
        chest_source,efs2_time,efs2_event,efs2_months,efs2_source,worst_grade
        A,NA,NA,170,1,5.5852,126,1,4.1396,CLINICAL,126,1,4.1396,CLINICAL,0
        B,NA,NA,100,1,3.2854,42,0,1.3799,CENSORED,100,1,3.2854,DEATH,0
        """);
    assertThat(AnalysisCsv.pooledColumns(p, factors)).doesNotContain("arm", "cycle_compliance",
        "fraction_compliance");
  }

  @Test
  void sabrCometWritesOverallSurvivalFirst() {
    Protocol p = ProtocolLoader.check(Path.of("../protocols/nct01446744.yaml")).protocol();
    List<StratificationFactor> factors = ProtocolRandomization.factors(p);
    assertThat(AnalysisCsv.columns(p, factors).subList(2 + factors.size(), 2 + factors.size() + 11))
        .containsExactly("os_time", "os_event", "os_months", "pfs_time", "pfs_event", "pfs_months", "pfs_source",
            "lc_time", "lc_event", "lc_months", "lc_source");
    assertThat(AnalysisCsv.primaryPrefix(p)).isEqualTo("os");
  }

  @Test
  void theBundledProtocolDerivesItsFiveTimeToEventEndpointsWithPfsAsPrimaryProgression() {
    Protocol p = ProtocolLoader.bundled();
    ParticipantHistory h = participant().assessedOn(42, 84).progression(126, ProgressionSite.THORACIC).diedOn(200)
        .treatedLesion("T1", 126).build();
    ParticipantEndpoints byProtocol = new EndpointDerivation(p).derive(h);
    // protocols/nct03119519.yaml: the endpoints with an event block, in file order; pfs is kind: primary
    assertThat(byProtocol.timeToEvent().keySet())
        .containsExactly("pfs", "os", "thoracic-pfs", "local-control", "oligometastatic-control");
    assertThat(byProtocol.primaryProgressionId()).isEqualTo("pfs");
    assertThat(byProtocol.primaryProgression()).isSameAs(byProtocol.endpoint("pfs"));
    // no tumour assessments: local control of the irradiated lesion (local progression day 126), foci control not
    // derived
    assertThat(byProtocol.endpoint("local-control").days()).isEqualTo(126);
    assertThat(byProtocol.endpoint("oligometastatic-control")).isNull();
  }

  @Test
  void withOverallSurvivalPrimaryThePrimaryProgressionIsTheFirstOverAllLesions() {
    // three-arms.yaml: surv (OS, kind primary), chest-control (thoracic), efs (any progression)
    ParticipantEndpoints e = new EndpointDerivation(TestProtocols.threeArms())
        .derive(participant().arm("observation").assessedOn(42).build());
    assertThat(e.primaryProgressionId()).isEqualTo("efs");
    assertThat(e.primaryProgression()).isSameAs(e.endpoint("efs"));
  }
}
