package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.recist.LesionFixtures.nonTarget;
import static org.oligotrial.recist.LesionFixtures.target;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The RECIST 1.1 baseline rules of {@link BaselineRules}, one rule at a time, each finding at the lesion it concerns.
 * Thresholds from Eisenhauer et al. 2009 (doi:10.1016/j.ejca.2008.10.026): section 3.1.1 (10 mm on CT, 20 mm on
 * chest X-ray, nodes 15 mm short axis), Appendix II (twice the slice thickness above 5 mm slices), section 3.1.2
 * (nodes 10 to below 15 mm are non-target, below 10 mm normal), section 4.2 (five targets, two per organ).
 */
class LesionBaselineRulesTest {

  private static BaselineLesion lesion(String id, boolean target, LesionSite site, boolean nodal, String mm,
      ImagingMethod method, String slice) {
    return new BaselineLesion(id, target, site, site == LesionSite.OTHER ? "spleen" : null, nodal,
        mm == null ? null : new BigDecimal(mm), method, slice == null ? null : new BigDecimal(slice), LesionRole.OTHER);
  }

  private static List<String> rules(BaselineLesion... lesions) {
    return BaselineRules.check(List.of(lesions)).stream().map(f -> f.lesionId() + ":" + f.rule()).toList();
  }

  @Test
  void aValidBaselineHasNoFinding() {
    assertThat(BaselineRules.check(List.of(
        target("T1", LesionSite.LUNG, "42", LesionRole.PRIMARY),
        target("T2", LesionSite.MEDIASTINAL_NODE, "15", LesionRole.OTHER),
        nonTarget("N1", LesionSite.BONE, LesionRole.OLIGOMETASTATIC)))).isEmpty();
  }

  @Test
  void anEmptyBaselineIsAnError() {
    List<BaselineFinding> f = BaselineRules.check(List.of());
    assertThat(f).singleElement().satisfies(x -> {
      assertThat(x.lesionId()).isNull();
      assertThat(x.rule()).isEqualTo("no-lesion");
      assertThat(x.error()).isTrue();
    });
  }

  @Test
  void aSixthTargetIsFlaggedAtTheSixthLesion() {
    // five targets in five organs are allowed; the sixth (in a sixth organ) breaks only the total
    assertThat(rules(
        target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY),
        target("T2", LesionSite.LIVER, "20", LesionRole.OTHER),
        target("T3", LesionSite.ADRENAL, "20", LesionRole.OTHER),
        target("T4", LesionSite.BONE, "20", LesionRole.OTHER),
        target("T5", LesionSite.BRAIN, "20", LesionRole.OTHER),
        target("T6", LesionSite.PLEURA, "20", LesionRole.OTHER)))
        .containsExactly("T6:max-targets");
  }

  @Test
  void aThirdTargetInOneOrganIsFlagged() {
    assertThat(rules(
        target("T1", LesionSite.LIVER, "20", LesionRole.OTHER),
        target("T2", LesionSite.LIVER, "20", LesionRole.OTHER),
        target("T3", LesionSite.LIVER, "20", LesionRole.OTHER)))
        .containsExactly("T3:max-per-organ");
  }

  @Test
  void bothLungsAreOneOrganAndAllNodesAreOneOrgan() {
    // lung + lung + contralateral lung: three targets in the lungs
    assertThat(rules(
        target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY),
        target("T2", LesionSite.LUNG, "20", LesionRole.OTHER),
        target("T3", LesionSite.CONTRALATERAL_LUNG, "20", LesionRole.OTHER)))
        .containsExactly("T3:max-per-organ");
    // mediastinal + hilar + other node: three nodal targets
    assertThat(rules(
        target("T1", LesionSite.MEDIASTINAL_NODE, "20", LesionRole.OTHER),
        target("T2", LesionSite.HILAR_NODE, "20", LesionRole.OTHER),
        target("T3", LesionSite.OTHER_NODE, "20", LesionRole.OTHER)))
        .containsExactly("T3:max-per-organ");
  }

  @Test
  void otherSitesAreToldApartByTheirText() {
    BaselineLesion spleen1 = lesion("T1", true, LesionSite.OTHER, false, "20", ImagingMethod.CT, null);
    BaselineLesion spleen2 = lesion("T2", true, LesionSite.OTHER, false, "20", ImagingMethod.CT, null);
    BaselineLesion kidney = new BaselineLesion("T3", true, LesionSite.OTHER, "Kidney ", false, new BigDecimal("20"),
        ImagingMethod.CT, null, LesionRole.OTHER);
    assertThat(rules(spleen1, spleen2, kidney)).isEmpty();
    BaselineLesion noText = new BaselineLesion("T1", true, LesionSite.OTHER, " ", false, new BigDecimal("20"),
        ImagingMethod.CT, null, LesionRole.OTHER);
    assertThat(rules(noText)).containsExactly("T1:site-text");
  }

  @Test
  void measurabilityOnCtIsTenMillimetresWithThinSlices() {
    // 10 mm on CT (slices 5 mm or less, or not recorded) is measurable; 9.9 mm is not
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, false, "10", ImagingMethod.CT, "5"))).isEmpty();
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, false, "10", ImagingMethod.MRI, null))).isEmpty();
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, false, "9.9", ImagingMethod.CT, null)))
        .containsExactly("T1:measurability");
  }

  @Test
  void thickSlicesRaiseTheThresholdToTwiceTheSliceThickness() {
    // 8 mm slices: 2 x 8 = 16 mm; 15 mm is not measurable, 16 mm is
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, false, "15", ImagingMethod.CT, "8")))
        .containsExactly("T1:measurability");
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, false, "16", ImagingMethod.PET_CT, "8"))).isEmpty();
    BaselineFinding f = BaselineRules.check(List.of(lesion("T1", true, LesionSite.LIVER, false, "15",
        ImagingMethod.CT, "8"))).get(0);
    assertThat(f.message()).isEqualTo("T1 (liver): longest diameter 15 mm is below 16 mm, the smallest measurable "
        + "lesion on CT with 8 mm slices (twice the slice thickness). Not measurable: record it as a non-target "
        + "lesion.");
  }

  @Test
  void chestXrayNeedsTwentyMillimetres() {
    assertThat(rules(lesion("T1", true, LesionSite.LUNG, false, "19", ImagingMethod.X_RAY, null)))
        .containsExactly("T1:measurability");
    assertThat(rules(lesion("T1", true, LesionSite.LUNG, false, "20", ImagingMethod.X_RAY, null))).isEmpty();
    // outside the lung an X-ray measure is a warning, not an error
    List<BaselineFinding> bone = BaselineRules.check(List.of(lesion("T1", true, LesionSite.BONE, false, "25",
        ImagingMethod.X_RAY, null)));
    assertThat(bone).singleElement().satisfies(x -> {
      assertThat(x.rule()).isEqualTo("x-ray-site");
      assertThat(x.error()).isFalse();
    });
  }

  @Test
  void nodalTargetsNeedFifteenMillimetresShortAxis() {
    assertThat(rules(lesion("T1", true, LesionSite.MEDIASTINAL_NODE, true, "15", ImagingMethod.CT, null))).isEmpty();
    assertThat(rules(lesion("T1", true, LesionSite.MEDIASTINAL_NODE, true, "14.9", ImagingMethod.CT, null)))
        .containsExactly("T1:node-target-size");
    assertThat(BaselineRules.check(List.of(lesion("T1", true, LesionSite.HILAR_NODE, true, "12", ImagingMethod.CT,
        null))).get(0).message()).isEqualTo("T1 (hilar lymph node): short axis 12 mm is below the 15 mm a target "
            + "node needs with slices of 5 mm or less; a node of 10 mm or more is pathological but not measurable. "
            + "Record it as a non-target lesion.");
  }

  @Test
  void nodesOfTenToFifteenMillimetresAreFineAsNonTargets() {
    assertThat(rules(lesion("N1", false, LesionSite.HILAR_NODE, true, "10", ImagingMethod.CT, null))).isEmpty();
    assertThat(rules(lesion("N1", false, LesionSite.HILAR_NODE, true, "14.9", ImagingMethod.CT, null))).isEmpty();
  }

  @Test
  void nodesBelowTenMillimetresAreNormalTargetOrNot() {
    assertThat(rules(lesion("N1", false, LesionSite.OTHER_NODE, true, "9.9", ImagingMethod.CT, null)))
        .containsExactly("N1:node-normal");
    assertThat(rules(lesion("T1", true, LesionSite.OTHER_NODE, true, "8", ImagingMethod.CT, null)))
        .containsExactly("T1:node-normal");
  }

  @Test
  void aTargetNeedsItsMeasureAndMethod() {
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, false, null, ImagingMethod.CT, null)))
        .containsExactly("T1:measure-missing");
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, false, "20", null, null)))
        .containsExactly("T1:measure-missing");
    // a non-target needs neither
    assertThat(rules(lesion("N1", false, LesionSite.LIVER, false, null, null, null))).isEmpty();
  }

  @Test
  void nodalFlagMustMatchTheSite() {
    assertThat(rules(lesion("T1", true, LesionSite.MEDIASTINAL_NODE, false, "20", ImagingMethod.CT, null)))
        .contains("T1:nodal-site");
    assertThat(rules(lesion("T1", true, LesionSite.LIVER, true, "20", ImagingMethod.CT, null)))
        .containsExactly("T1:nodal-site");
  }

  @Test
  void onePrimaryTumourInTheLung() {
    assertThat(rules(
        target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY),
        target("T2", LesionSite.LUNG, "20", LesionRole.PRIMARY)))
        .containsExactly("T2:primary");
    assertThat(rules(target("T1", LesionSite.LIVER, "30", LesionRole.PRIMARY))).containsExactly("T1:primary");
  }

  @Test
  void duplicateIdsAndImplausibleMeasuresAreErrors() {
    assertThat(rules(
        target("T1", LesionSite.LUNG, "30", LesionRole.PRIMARY),
        nonTarget("T1", LesionSite.BONE, LesionRole.OTHER)))
        .containsExactly("T1:duplicate-id");
    assertThat(rules(target("T1", LesionSite.LIVER, "1200", LesionRole.OTHER))).containsExactly("T1:implausible-measure");
  }

  @Test
  void idsAreGeneratedAfterTheHighestUsed() {
    assertThat(LesionIds.next(LesionIds.TARGET, List.of())).isEqualTo("T1");
    assertThat(LesionIds.next(LesionIds.TARGET, List.of("T1", "T3", "N1"))).isEqualTo("T4");
    assertThat(LesionIds.next(LesionIds.NON_TARGET, List.of("T1", "T3", "N1", "NL2"))).isEqualTo("N2");
    assertThat(LesionIds.next(LesionIds.NEW, List.of("T1", "N1", "NL2"))).isEqualTo("NL3");
  }
}
