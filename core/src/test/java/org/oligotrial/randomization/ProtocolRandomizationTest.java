package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

class ProtocolRandomizationTest {

  private static final Protocol BUNDLED = ProtocolLoader.bundled();

  @Test
  void theBundledProtocolMapsToMinimizationOnTheTrialsFiveFactors() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(BUNDLED);
    // the factor ids are the analysis dataset's column names (protocols/nct03119519.yaml)
    assertThat(scheme.factors()).extracting(StratificationFactor::name)
        .containsExactly("histology", "first_line", "brain_metastasis", "metastases", "thoracic_stage");
    assertThat(scheme.factors()).extracting(StratificationFactor::levels).containsExactly(
        List.of("squamous", "non-squamous"), List.of("targeted", "non-targeted"), List.of("yes", "no"),
        List.of("1", "2-5"), List.of("I-II", "III"));
    assertThat(scheme.ratio()).isEqualTo(new AllocationRatio(List.of("RT+", "RT-"), List.of(1, 1)));
    assertThat(scheme.method()).isEqualTo(MethodParameters.Minimization.equalWeights(5, 0.8));
    assertThat(scheme.strataCount()).isEqualTo(32);
  }

  @Test
  void sabrCometsOneToTwoRatioAndSingleFactorComeFromItsFile() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(TestProtocols.sabrCometLike());
    assertThat(scheme.ratio()).isEqualTo(new AllocationRatio(List.of("SOC", "SOC+SABR"), List.of(1, 2)));
    assertThat(scheme.factors()).containsExactly(StratificationFactor.of("metastases", "1-3", "4-5"));
    assertThat(scheme.method()).isEqualTo(new MethodParameters.PermutedBlocks(List.of(3, 6)));
  }

  @Test
  void threeArmsAtTwoOneOneWithTwoThreeLevelFactors() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(TestProtocols.threeArms());
    assertThat(scheme.ratio().weights()).containsExactly(2, 1, 1);
    assertThat(scheme.ratio().arms()).containsExactly("high-dose", "low-dose", "observation");
    assertThat(scheme.strataCount()).isEqualTo(9);
    assertThat(scheme.method()).isEqualTo(new MethodParameters.Minimization(List.of(1.0, 1.0),
        ImbalanceMeasure.VARIANCE, 0.75));
  }

  @Test
  void theAlternativeMethodIsPermutedBlocksOfTwoFourAndSix() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(BUNDLED, BUNDLED.randomization().alternativeMethod());
    assertThat(scheme.method()).isEqualTo(new MethodParameters.PermutedBlocks(List.of(2, 4, 6)));
  }

  @Test
  void anUnknownMethodIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ProtocolRandomization.scheme(BUNDLED, "urn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("randomization.method: 'urn'");
  }

  @Test
  void formerIdsAreReadAsTodaysIds() {
    FactorIds ids = FactorIds.of(BUNDLED);
    assertThat(ids.mapping()).containsOnly(Map.entry("therapy", "first_line"),
        Map.entry("intracranial", "brain_metastasis"), Map.entry("thoracic-stage", "thoracic_stage"));
    assertThat(ids.stratumKey("histology=squamous;therapy=non-targeted;intracranial=yes;metastases=2-5;"
        + "thoracic-stage=III")).isEqualTo(
            "histology=squamous;first_line=non-targeted;brain_metastasis=yes;metastases=2-5;thoracic_stage=III");
    assertThat(ids.levelKey("therapy=targeted")).isEqualTo("first_line=targeted");
    assertThat(ids.stratumKey("all")).isEqualTo("all");
    assertThat(ids.id("histology")).isEqualTo("histology");
  }
}
