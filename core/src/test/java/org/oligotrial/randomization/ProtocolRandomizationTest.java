package org.oligotrial.randomization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;

class ProtocolRandomizationTest {

  private static final Protocol BUNDLED = ProtocolLoader.bundled();

  @Test
  void theBundledProtocolMapsToMinimizationOnTheTrialsFiveFactors() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(BUNDLED);
    assertThat(scheme.factors()).extracting(StratificationFactor::name)
        .containsExactly("histology", "therapy", "intracranial", "metastases", "thoracic-stage");
    // same levels, same order as the trial's factors (whose names are the analysis dataset's columns)
    assertThat(scheme.factors()).extracting(StratificationFactor::levels)
        .isEqualTo(TrialFactors.ALL.stream().map(StratificationFactor::levels).toList());
    assertThat(scheme.ratio()).isEqualTo(TrialFactors.ratio());
    assertThat(scheme.method()).isEqualTo(MethodParameters.Minimization.equalWeights(5, 0.8));
    assertThat(scheme.strataCount()).isEqualTo(32);
  }

  @Test
  void theAlternativeMethodIsPermutedBlocksOfTwoFourAndSix() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(BUNDLED, BUNDLED.randomization().alternativeMethod());
    assertThat(scheme.method()).isEqualTo(new MethodParameters.PermutedBlocks(List.of(2, 4, 6)));
  }

  @Test
  void aSchemeWithOtherFactorsCannotLabelDerivedLevels() {
    RandomizationScheme other = new RandomizationScheme(List.of(TrialFactors.HISTOLOGY), TrialFactors.ratio(),
        new MethodParameters.Simple());
    assertThatThrownBy(() -> FactorDerivation.derive(new StratificationFacts(org.oligotrial.treatment.Histology.SQUAMOUS,
        org.oligotrial.treatment.EgfrStatus.WILD_TYPE, true, 3, "T4", "N0"), other))
        .hasMessageContaining("the trial has five");
  }

  @Test
  void anUnknownMethodIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ProtocolRandomization.scheme(BUNDLED, "urn"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("randomization.method: 'urn'");
  }

  @Test
  void factorsDerivedFromFactsUseTheProtocolsLevelCodes() {
    RandomizationScheme scheme = ProtocolRandomization.scheme(BUNDLED);
    ParticipantFactors p = FactorDerivation.derive(new StratificationFacts(org.oligotrial.treatment.Histology.SQUAMOUS,
        org.oligotrial.treatment.EgfrStatus.WILD_TYPE, true, 3, "T4", "N0"), scheme);
    assertThat(scheme.stratumKey(p)).isEqualTo("histology=squamous;therapy=non-targeted;intracranial=yes;metastases=2-5;thoracic-stage=III");
  }
}
