package org.oligotrial.cdisc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.cdisc.SampleTrial;
import tools.jackson.databind.json.JsonMapper;

/** Form JSON to item groups and back gives the same JSON (the server's stored values survive ODM). */
class FormValuesTest {
  static final JsonMapper JSON = JsonMapper.builder().build();

  static void roundTrip(String formType, String json) {
    FormLayout layout = FormLayout.of(SampleTrial.PROTOCOL.form(formType).orElseThrow());
    List<GroupRecord> groups = FormValues.toGroups(layout, json);
    assertThat(JSON.readTree(FormValues.toJson(layout, groups))).isEqualTo(JSON.readTree(json));
  }

  @Test
  void baselineLesionsBecomeOneRowPerLesion() {
    String json = """
        {"date": "2024-02-20", "lesions": [
          {"id": "T1", "type": "target", "site": "lung", "nodal": false, "mm": 42, "method": "CT",
           "sliceThicknessMm": 1.25, "role": "primary"},
          {"id": "N1", "type": "non-target", "site": "bone", "role": "oligometastatic"}]}""";
    roundTrip("tumour-baseline", json);
    FormLayout layout = FormLayout.of(SampleTrial.PROTOCOL.form("tumour-baseline").orElseThrow());
    List<GroupRecord> g = FormValues.toGroups(layout, json);
    assertThat(g).extracting(r -> r.groupId() + "[" + r.repeatKey() + "]")
        .containsExactly("main[1]", "lesions[1]", "lesions[2]");
    assertThat(g.get(1).items()).containsEntry("mm", "42").containsEntry("nodal", "false");
  }

  @Test
  void measurementsKeyedByLesionKeepNotEvaluable() {
    roundTrip("tumour-assessment", """
        {"date": "2024-05-01", "targets": {"T1": 30, "T2": null}, "nonTargets": {"N1": "present"},
         "newLesions": [{"id": "NL1", "site": "liver", "equivocal": true}]}""");
  }

  @Test
  void scalarFieldsKeepTheirTypes() {
    roundTrip("adverse-event", """
        {"term": "Pneumonitis", "grade": 3, "startDate": "2024-04-02", "serious": true,
         "relatedToSystemicTherapy": "possible", "relatedToRadiotherapy": "probable", "actionTaken": "delayed",
         "outcome": "recovered"}""");
    roundTrip("radiotherapy", """
        {"technique": "IMRT", "target": "primary", "lesionId": "T1", "totalDoseGy": 60.5, "plannedFractions": 30,
         "fractions": 30, "startDate": "2024-03-10", "endDate": "2024-04-19"}""");
  }

  @Test
  void aCodedTermIsFourItemsAndComesBackAsTheObject() {
    String json = """
        {"term": {"term": "Eye disorders - Other, specify", "meddraCode": "10015919", "soc": "Eye disorders",
                  "otherSpecify": "conjunctival haemorrhage"}, "grade": 1, "startDate": "2024-04-10"}""";
    roundTrip("adverse-event", json);
    FormLayout layout = FormLayout.of(SampleTrial.PROTOCOL.form("adverse-event").orElseThrow());
    assertThat(FormValues.toGroups(layout, json).get(0).items()).containsEntry("term", "Eye disorders - Other, specify")
        .containsEntry("term.meddraCode", "10015919").containsEntry("term.soc", "Eye disorders")
        .containsEntry("term.otherSpecify", "conjunctival haemorrhage").containsEntry("grade", "1");
  }

  @Test
  void aTermStoredBeforeCodingStaysText() {
    String json = """
        {"term": "tiredness after chemotherapy", "grade": 1}""";
    roundTrip("adverse-event", json);
    FormLayout layout = FormLayout.of(SampleTrial.PROTOCOL.form("adverse-event").orElseThrow());
    assertThat(FormValues.toGroups(layout, json).get(0).items()).containsOnlyKeys("term", "grade");
  }

  @Test
  void dateTimesGainSecondsForOdmAndLoseThemBack() {
    String json = """
        {"awarenessAt": "2024-04-03T10:15", "reportedAt": "2024-04-04T08:30", "hospitalisation": true}""";
    roundTrip("sae-report", json);
    FormLayout layout = FormLayout.of(SampleTrial.PROTOCOL.form("sae-report").orElseThrow());
    // ODM 1.3.2 datetime is YYYY-MM-DDThh:mm:ss (ODM 1.3.2 specification, section 3.1.2 "DataType")
    assertThat(FormValues.toGroups(layout, json).get(0).items()).containsEntry("awarenessAt", "2024-04-03T10:15:00");
  }
}
