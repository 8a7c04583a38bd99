package org.oligotrial.server.web.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oligotrial.eligibility.EligibilityEngine;
import org.oligotrial.eligibility.ScreeningRecordParser;
import org.oligotrial.eligibility.Verdict;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.protocol.RecordDeclaration;
import org.springframework.util.MultiValueMap;

/**
 * The screening form of a second trial (protocols/nct01446744.yaml) is generated from its declared record alone: its
 * sections and inputs, and the round trip record -> form -> record.
 */
class ScreeningFormTest {
  private static final Protocol COMET = ProtocolLoader.load(Path.of("..", "protocols", "nct01446744.yaml"));
  private static final RecordDeclaration RECORD = COMET.record();

  @Test
  void sectionsAndInputsComeFromTheDeclaredRecord() {
    var sections = ScreeningForm.sections(RECORD);
    assertThat(sections).extracting(ScreeningForm.Section::title).containsExactly("Candidate", "Primary tumour",
        "Metastatic disease (one row per organ system)", "Condition and exclusions");
    var primary = sections.get(1).fields();
    // a code is a choice of its codes; a flag yes/no; a number a number input with its unit in the label
    assertThat(primary.get(0).input()).isEqualTo(new ScreeningForm.Input("primary_site", "Primary tumour site",
        "choice", RECORD.field("primary.site").codes(), null, "primary.site"));
    assertThat(primary.get(2).input().kind()).isEqualTo("yesNo");
    assertThat(primary.get(4).input().label()).isEqualTo(
        "Time from the end of definitive treatment of the primary to screening (months)");
    // the metastases list: rows of organ (choice), lesions (number: 1-100 is too wide for a choice), text
    var rows = sections.get(2).fields().get(0);
    assertThat(rows.kind()).isEqualTo("rows");
    assertThat(rows.rows()).hasSize(ScreeningForm.ROWS);
    assertThat(rows.rows().get(1)).extracting(ScreeningForm.Input::id, ScreeningForm.Input::kind)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("metastases_organ_1", "choice"),
            org.assertj.core.groups.Tuple.tuple("metastases_lesions_1", "number"),
            org.assertj.core.groups.Tuple.tuple("metastases_text_1", "text"));
    // ECOG 0-5 is a choice of six values
    assertThat(sections.get(3).fields().get(0).input().options()).containsExactly("0", "1", "2", "3", "4", "5");
  }

  @Test
  void theExampleRecordSurvivesTheRoundTripThroughTheForm() throws Exception {
    String json = Files.readString(Path.of("..", "examples", "screening", "nct01446744", "eligible.json"));
    MultiValueMap<String, String> form = ScreeningForm.fromJson(RECORD, json);
    assertThat(form.getFirst("primary_site")).isEqualTo("breast");
    assertThat(form.getFirst("metastases_organ_1")).isEqualTo("bone");
    assertThat(form.getFirst("consentSigned")).isEqualTo("yes");
    ScreeningRecordParser parser = new ScreeningRecordParser(COMET);
    assertThat(parser.parse(ScreeningForm.toJson(RECORD, form))).isEqualTo(parser.parse(json));
    assertThat(new EligibilityEngine(COMET).evaluate(parser.parse(ScreeningForm.toJson(RECORD, form))).verdict())
        .isEqualTo(Verdict.ELIGIBLE);
    // an empty form is an empty record (every field unknown), and a message's path finds its input
    assertThat(ScreeningForm.toJson(RECORD, new org.springframework.util.LinkedMultiValueMap<>())).isEqualTo("{}");
    assertThat(ScreeningForm.fieldId(RECORD, "metastases[1].organ")).isEqualTo("metastases_organ_1");
    assertThat(ScreeningForm.fieldId(RECORD, "primary.monthsSinceDefinitiveTreatment"))
        .isEqualTo("primary_monthsSinceDefinitiveTreatment");
  }
}
