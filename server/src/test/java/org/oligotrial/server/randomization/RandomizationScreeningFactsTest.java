package org.oligotrial.server.randomization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.oligotrial.randomization.StratificationFacts;
import org.oligotrial.treatment.EgfrStatus;
import org.oligotrial.treatment.Histology;

/** Reading the stratification facts from a stored screening record, and every blocker with its field. */
class RandomizationScreeningFactsTest {
  static String rec(String body) {
    return "{" + body + "}";
  }

  static final String STAGING = "\"staging\":{\"t\":\"T2a\",\"n\":\"N1\"}";

  @Test
  void lesionsAreSummedOverSitesAndBrainIsFoundInAnyCase() {
    ScreeningFacts.Reading r = ScreeningFacts.read(rec("\"diagnosis\":{\"histology\":\"large-cell\"},\"egfr\":"
        + "\"wild-type\"," + STAGING + ",\"metastases\":[{\"site\":\"Brain\",\"lesions\":1},{\"site\":\"bone\","
        + "\"lesions\":3}]"));
    assertThat(r.blockers()).isEmpty();
    assertThat(r.facts()).isEqualTo(
        new StratificationFacts(Histology.OTHER_NON_SQUAMOUS, EgfrStatus.WILD_TYPE, true, 4, "T2a", "N1"));
  }

  @Test
  void theIntracranialStratumIsTheScreeningAnswerNotAFreeTextSite() {
    // "cerebellum" is no coded site: only the answer to the question says the metastasis is intracranial
    ScreeningFacts.Reading yes = ScreeningFacts.read(rec("\"diagnosis\":{\"histology\":\"squamous\"},\"egfr\":"
        + "\"wild-type\"," + STAGING + ",\"metastases\":[{\"site\":\"cerebellum\",\"lesions\":1}],"
        + "\"intracranialMetastasis\":true"));
    assertThat(yes.facts().brainMetastasis()).isTrue();
    ScreeningFacts.Reading no = ScreeningFacts.read(rec("\"diagnosis\":{\"histology\":\"squamous\"},\"egfr\":"
        + "\"wild-type\"," + STAGING + ",\"metastases\":[{\"site\":\"liver\",\"lesions\":1}],"
        + "\"intracranialMetastasis\":false"));
    assertThat(no.facts().brainMetastasis()).isFalse();
    // a record stored before the question: the coded CNS sites decide
    ScreeningFacts.Reading old = ScreeningFacts.read(rec("\"diagnosis\":{\"histology\":\"squamous\"},\"egfr\":"
        + "\"wild-type\"," + STAGING + ",\"metastases\":[{\"site\":\"leptomeninges\",\"lesions\":1}]"));
    assertThat(old.facts().brainMetastasis()).isTrue();
  }

  @Test
  void aMissingEgfrResultIsUnknownAndBlocks() {
    ScreeningFacts.Reading r = ScreeningFacts.read(rec("\"diagnosis\":{\"histology\":\"squamous\"}," + STAGING
        + ",\"metastases\":[{\"site\":\"liver\",\"lesions\":1}]"));
    assertThat(r.facts()).isNull();
    assertThat(r.blockers()).extracting(ScreeningFacts.Blocker::field).containsExactly("screeningRecord.egfr");
  }

  @Test
  void everyMissingOrImpossibleFactIsReportedWithItsField() {
    ScreeningFacts.Reading r = ScreeningFacts.read(rec("\"diagnosis\":{\"histology\":\"small-cell\"},\"egfr\":"
        + "\"maybe\",\"staging\":{\"t\":\"T9\",\"n\":\"N1\"},\"metastases\":[{\"site\":\"bone\",\"lesions\":"
        + "4294967297}]"));
    assertThat(r.blockers()).extracting(ScreeningFacts.Blocker::field).containsExactly(
        "screeningRecord.diagnosis.histology", "screeningRecord.egfr", "screeningRecord.metastases.lesions",
        "screeningRecord.metastases", "screeningRecord.staging");
  }

  @Test
  void aRecordThatIsNotJsonOrHasNoFactsBlocksWithoutThrowing() {
    assertThat(ScreeningFacts.read("not json").blockers()).extracting(ScreeningFacts.Blocker::field)
        .containsExactly("screeningRecord");
    assertThat(ScreeningFacts.read("[]").blockers()).isNotEmpty();
    assertThat(ScreeningFacts.read("{}").blockers()).extracting(ScreeningFacts.Blocker::field)
        .containsExactly("screeningRecord.diagnosis.histology", "screeningRecord.egfr", "screeningRecord.metastases",
            "screeningRecord.staging");
  }
}
