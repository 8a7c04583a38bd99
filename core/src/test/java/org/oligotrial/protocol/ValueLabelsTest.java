package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Labels of codes ({@code valueLabels} beside {@code values}) in the record and form sections: read, defaulted, and
 * refused for a code that is not one of the field's values. The expected labels are those written in the YAML below;
 * the default is the documented rule (hyphens as spaces).
 */
class ValueLabelsTest {
  private static final String HEAD = """
      id: T
      title: test
      targetSampleSize: 10
      arms: [{id: A, name: a, type: experimental}]
      criteria:
        - {id: C1, kind: inclusion, title: t, wording: w, rule: {isTrue: ok}}
      record:
        fields:
          - {path: ok, type: flag}
      """;

  private static ProtocolCheck check(String yaml) {
    return ProtocolLoader.check(new StringReader(yaml), "t.yaml");
  }

  private static List<String> errors(String yaml) {
    return check(yaml).errors().stream().map(p -> p.field() + ": " + p.message()).toList();
  }

  @Test
  void recordCodesReadTheirLabelsOrTheDefault() {
    ProtocolCheck c = check(HEAD + """
            - path: diagnosis.histology
              type: code
              values: [adenocarcinoma, nsclc-nos, large-cell]
              valueLabels: {nsclc-nos: "NSCLC, not otherwise specified"}
            - path: metastases
              type: list
              items:
                - {name: site, type: code, values: [lung, skin-soft-tissue], valueLabels: {lung: "lung (other lobe)"}}
        """);
    assertThat(c.errors()).isEmpty();
    RecordField histology = c.protocol().record().field("diagnosis.histology");
    assertThat(histology.valueLabel("nsclc-nos")).isEqualTo("NSCLC, not otherwise specified");
    assertThat(histology.valueLabel("large-cell")).isEqualTo("large cell");
    assertThat(histology.valueLabel("adenocarcinoma")).isEqualTo("adenocarcinoma");
    assertThat(histology.valueLabel("not-a-code")).as("a value that is no code stays as it is").isEqualTo("not-a-code");
    RecordField site = c.protocol().record().field("metastases.site");
    assertThat(site.valueLabel("lung")).isEqualTo("lung (other lobe)");
    assertThat(site.valueLabel("skin-soft-tissue")).isEqualTo("skin soft tissue");
    assertThat(c.protocol().record().field("ok").valueLabel("true")).isEqualTo("yes");
    assertThat(c.protocol().record().field("ok").valueLabel("false")).isEqualTo("no");
  }

  @Test
  void aLabelForACodeThatIsNotAValueIsRefusedNamingTheField() {
    assertThat(errors(HEAD + """
            - {path: stage, type: code, values: [a, b], valueLabels: {c: "see"}}
        """)).containsExactly("record.fields[1].valueLabels.c: field 'stage': valueLabels gives a label for 'c', "
            + "which is not one of its values (a, b)");
    assertThat(errors(HEAD + """
            - {path: stage, type: text, valueLabels: {c: "see"}}
        """)).containsExactly("record.fields[1].valueLabels: field 'stage': only a field with 'values' has "
            + "'valueLabels'");
    assertThat(errors(HEAD + """
            - {path: stage, type: code, values: [a], valueLabels: {a: ""}}
        """)).containsExactly("record.fields[1].valueLabels.a: field 'stage': the label of 'a' must be non-empty text");
  }

  private static final String FORM = HEAD + """
      forms:
        - id: adverse-event
          name: adverse event
          dateField: onset
          fields:
            - {id: onset, type: date}
            - id: outcome
              type: choice
              values: [recovered, recovered-with-sequelae, fatal]
      """;

  @Test
  void choiceFieldsReadTheirLabelsOrTheDefault() {
    ProtocolCheck c = check(FORM + "        valueLabels: {fatal: \"fatal (death)\"}\n"
        + "      - {id: serious, type: boolean}\n");
    assertThat(c.errors()).isEmpty();
    FormDefinition ae = c.protocol().form("adverse-event").orElseThrow();
    FormField outcome = ae.field("outcome").orElseThrow();
    assertThat(outcome.valueLabel("fatal")).isEqualTo("fatal (death)");
    assertThat(outcome.valueLabel("recovered-with-sequelae")).isEqualTo("recovered with sequelae");
    assertThat(outcome.values()).as("the codes stay the stored values")
        .containsExactly("recovered", "recovered-with-sequelae", "fatal");
    assertThat(ae.field("serious").orElseThrow().valueLabel("true")).isEqualTo("yes");
  }

  @Test
  void aChoiceLabelForAnUnknownCodeIsRefusedNamingTheField() {
    assertThat(errors(FORM + "        valueLabels: {death: \"died\"}\n"))
        .containsExactly("forms[0].fields[1].valueLabels.death: field 'outcome': valueLabels gives a label for "
            + "'death', which is not one of its values (recovered, recovered-with-sequelae, fatal)");
  }

  @Test
  void theBundledProtocolLabelsTheCodesWhoseDefaultIsNotGoodEnglish() {
    Protocol p = ProtocolLoader.bundled();
    // the labels written in protocols/nct03119519.yaml; T/N/M codes and the ECOG score keep their standard notation
    assertThat(p.record().field("diagnosis.histology").valueLabel("nsclc-nos"))
        .isEqualTo("NSCLC, not otherwise specified");
    assertThat(p.record().field("metastases.site").valueLabel("distant-node")).isEqualTo("distant lymph node");
    assertThat(p.record().field("staging.t").valueLabel("T1a")).isEqualTo("T1a");
    FormField action = p.form("adverse-event").orElseThrow().field("actionTaken").orElseThrow();
    assertThat(action.valueLabel("dose-reduced")).isEqualTo("dose reduced");
    assertThat(p.form("systemic-therapy").orElseThrow().field("regimen").orElseThrow().valueLabel("egfr-tki"))
        .isEqualTo("EGFR tyrosine-kinase inhibitor");
  }
}
