package org.oligotrial.recist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The structured JSON form: defaults, generated ids, "NE", and errors that name the field. */
class TumourJsonTest {

  @Test
  void generatesIdsAndFillsDefaults() {
    TumourAssessments t = TumourJson.read("""
        {"baseline": {"date": "2024-01-01", "lesions": [
           {"type": "target", "site": "lung", "mm": 30, "method": "ct", "role": "primary"},
           {"id": "T5", "type": "target", "site": "Mediastinal node", "mm": 16, "method": "CT"},
           {"type": "non-target", "site": "bone"},
           {"type": "target", "site": "liver", "mm": 12.0004, "method": "PET/CT", "sliceThicknessMm": 3}]},
         "assessments": [{"date": "2024-02-12", "targets": {"T1": 20, "T5": "NE", "T6": null},
           "nonTargets": {"N1": "unequivocal-progression"},
           "newLesions": [{"site": "liver", "equivocal": true}, {"id": "NL4", "site": "brain"}]},
           {"date": "2024-03-25", "newLesions": [{"site": "bone"}]}]}
        """);
    // ids given anywhere in the list are kept; generated ones follow the highest used: T6 after the given T5
    assertThat(t.lesions()).extracting(BaselineLesion::id).containsExactly("T6", "T5", "N1", "T7");
    assertThat(t.lesions().get(1).nodal()).isTrue(); // a node station is nodal unless said otherwise
    assertThat(t.lesions().get(1).role()).isEqualTo(LesionRole.OTHER);
    assertThat(t.lesions().get(3).method()).isEqualTo(ImagingMethod.PET_CT);
    assertThat(t.lesions().get(3).mm()).isEqualByComparingTo("12"); // rounded to a micrometre
    FollowUpAssessment a = t.followUps().get(0);
    assertThat(a.targets()).containsEntry("T5", null).containsEntry("T6", null);
    assertThat(a.nonTargets()).containsEntry("N1", NonTargetStatus.PROGRESSION);
    // new-lesion ids continue after the highest used anywhere: NL4 is given, so the generated ones are NL5, NL6
    assertThat(a.newLesions()).extracting(NewLesion::id).containsExactly("NL5", "NL4");
    assertThat(a.newLesionFinding()).isEqualTo(NewLesions.YES);
    assertThat(t.followUps().get(1).newLesions()).extracting(NewLesion::id).containsExactly("NL6");
    // the next follow-up is offered every new lesion recorded so far
    assertThat(t.newLesionsRecorded()).extracting(NewLesion::id).containsExactly("NL5", "NL4", "NL6");
  }

  @Test
  void errorsNameTheField() {
    assertThatThrownBy(() -> TumourJson.read("""
        {"baseline": {"date": "2024-01-01", "lesions": [{"type": "target", "site": "cerebellum"}]}}"""))
        .isInstanceOf(InvalidRecistDataException.class)
        .hasMessageStartingWith("baseline.lesions[0].site: 'cerebellum' is not one of [lung,");
    assertThatThrownBy(() -> TumourJson.read("""
        {"baseline": {"date": "2024-01-01", "lesions": [{"type": "tumour", "site": "lung"}]}}"""))
        .hasMessage("baseline.lesions[0].type: 'tumour' is not one of target, non-target");
    assertThatThrownBy(() -> TumourJson.read("""
        {"baseline": {"date": "2024-01-01", "lesions": [{"type": "target", "site": "lung", "method": "US"}]}}"""))
        .hasMessage("baseline.lesions[0].method: 'US' is not one of [CT, MRI, PET-CT, X-ray]");
    assertThatThrownBy(() -> TumourJson.read("""
        {"baseline": {"date": "2024-01-01", "lesions": [{"type": "target", "site": "lung", "mm": 30,
          "method": "CT"}]}, "assessments": [{"date": "2024-02-01", "targets": {"T1": "small"}}]}"""))
        .hasMessage("assessments[0].targets.T1: 'small' is neither a number of millimetres nor \"NE\" (not evaluable)");
    assertThatThrownBy(() -> TumourJson.read("""
        {"baseline": {"date": "2024-01-01", "lesions": [{"type": "target", "site": "lung", "mm": 30,
          "method": "CT"}]}, "assessments": [{"date": "2024-02-01", "newLesions": "no"}]}"""))
        .hasMessageStartingWith("assessments[0].newLesions: must be a JSON array");
  }

  @Test
  void writesTheEvaluationWithLesionsAndScopes() {
    TumourEvaluation e = new TumourEvaluator().evaluate(TumourJson.read("""
        {"baseline": {"date": "2024-01-01", "lesions": [
           {"type": "target", "site": "lung", "mm": 30, "method": "CT", "role": "primary"}]},
         "assessments": [{"date": "2024-02-12", "targets": {"T1": 36}}]}
        """));
    JsonNode json = TumourJson.toJson(e);
    // 36 - 30 = 6 mm >= 5 and 6 / 30 = 20%: PD, of the primary tumour
    assertThat(json.path("progressionDate").stringValue()).isEqualTo("2024-02-12");
    assertThat(json.path("progressionSites").get(0).stringValue()).isEqualTo("T1");
    assertThat(json.path("lesionProgressions").get(0).path("role").stringValue()).isEqualTo("primary");
    assertThat(json.path("scopeProgression").path("primary-tumour").stringValue()).isEqualTo("2024-02-12");
    assertThat(json.path("scopeProgression").path("oligometastatic-foci").isNull()).isTrue();
  }
}
