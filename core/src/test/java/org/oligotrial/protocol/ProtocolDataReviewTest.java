package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

/**
 * The protocol file's data-review settings, as {@code protocol check} reads them: a field's missing-data codes
 * ({@code missing: [ND, NA, UNK]}) and the {@code signature} section ({@code blockers: refuse | override}).
 */
class ProtocolDataReviewTest {
  private static final String HEAD = """
      id: X
      title: t
      targetSampleSize: 1
      arms: [{id: A, name: a, type: experimental}]
      criteria: []
      forms:
        - id: f
          name: f
          dateField: when
          fields:
            - {id: when, type: date, required: true}
      """;

  private static ProtocolCheck check(String yaml) {
    return ProtocolLoader.check(new StringReader(yaml), "x.yaml");
  }

  private static String bundledYaml() throws java.io.IOException {
    try (var in = ProtocolLoader.class.getResourceAsStream(ProtocolLoader.BUNDLED_RESOURCE)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void withoutASignatureSectionBlockersRefuseAndNoFieldAcceptsAMissingCode() {
    // the bundled protocol has neither
    Protocol p = ProtocolLoader.bundled();
    assertThat(p.signature()).isEqualTo(SignatureSettings.REFUSE);
    assertThat(p.forms()).allSatisfy(f -> assertThat(f.fields()).allSatisfy(x -> assertThat(x.missing()).isEmpty()));
  }

  @Test
  void aFieldListsItsMissingDataCodesAndTheSignatureSectionMayAllowAnOverride() throws java.io.IOException {
    String planned = "{id: plannedFractions, label: fractions planned, type: integer, required: true, min: 1, max: 60}";
    String yaml = bundledYaml();
    assertThat(yaml).contains(planned);
    Protocol p = ProtocolLoader.parse(yaml.replace(planned, planned.replace("}", ", missing: [ND, UNK]}"))
        + "\nsignature:\n  blockers: override\n", "x.yaml");
    assertThat(p.form("radiotherapy").orElseThrow().field("plannedFractions").orElseThrow().missing())
        .containsExactly("ND", "UNK");
    assertThat(p.signature().overrideWithReason()).isTrue();
    assertThat(FormField.missingLabel("NA")).isEqualTo("not applicable");
  }

  @Test
  void protocolCheckNamesAnUnknownMissingCodeAndAnUnknownBlockersSetting() {
    ProtocolCheck c = check(HEAD + "      - {id: dose, type: decimal, missing: [ND, LOST]}\n"
        + "signature:\n  blockers: sometimes\n  colour: red\n");
    assertThat(c.valid()).isFalse();
    assertThat(c.errors()).extracting(Object::toString)
        .anyMatch(m -> m.contains("missing") && m.contains("found 'LOST'"))
        .anyMatch(m -> m.contains("blockers must be 'refuse' or 'override', found 'sometimes'"))
        .anyMatch(m -> m.contains("colour"));
  }
}
