package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The forms and edit checks of the bundled protocol, and the loader's errors for bad form definitions. */
class ProtocolFormsTest {
  private final Protocol p = ProtocolLoader.bundled();

  @Test
  void bundledProtocolDefinesTheDataCaptureForms() {
    assertThat(p.forms()).extracting(FormDefinition::id).containsExactly("systemic-therapy", "radiotherapy",
        "tumour-baseline", "tumour-assessment", "adverse-event", "sae-report", "progression", "death",
        "last-known-alive", "withdrawal");
    FormField grade = p.form("adverse-event").orElseThrow().field("grade").orElseThrow();
    assertThat(grade.type()).isEqualTo("ctcae-grade");
    assertThat(grade.required()).isTrue();
    assertThat(p.form("adverse-event").orElseThrow().field("term").orElseThrow().type()).isEqualTo("ctcae-term");
    FormField technique = p.form("radiotherapy").orElseThrow().field("technique").orElseThrow();
    assertThat(technique.values()).containsExactly("3D-CRT", "IMRT");
    assertThat(p.form("radiotherapy").orElseThrow().field("metastasisSite").orElseThrow().requiredWhen().values())
        .containsExactly("metastasis");
  }

  @Test
  void editChecksCarryTheirSeverity() {
    assertThat(p.editChecks()).extracting(EditCheck::id).contains("EC1", "EC2", "EC8");
    EditCheck ec1 = p.editChecks().get(0);
    assertThat(ec1.blocks()).isTrue();
    assertThat(ec1.appliesTo("tumour-baseline")).isFalse();
    assertThat(ec1.appliesTo("adverse-event")).isTrue();
    EditCheck dose = p.editChecks().stream().filter(c -> c.id().equals("EC5")).findFirst().orElseThrow();
    assertThat(dose.blocks()).isFalse();
    assertThat(dose.range().contains(new BigDecimal("70"))).isTrue();
  }

  @Test
  void rejectsAnUnknownFieldTypeAndADateFieldThatIsNotADate() {
    String yaml = """
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
              - {id: when, type: text}
              - {id: n, type: number}
        """;
    ProtocolCheck check = ProtocolLoader.check(new java.io.StringReader(yaml), "x.yaml");
    assertThat(check.errors()).extracting(Object::toString)
        .anyMatch(m -> m.contains("dateField 'when' is not a date field"))
        .anyMatch(m -> m.contains("forms[0].fields[1].type") && m.contains("found 'number'"));
    assertThatThrownBy(() -> ProtocolLoader.parse(yaml, "x.yaml")).isInstanceOf(ProtocolException.class);
  }

  @Test
  void theSaeReportCarriesTheIchE2aSeriousnessCriteriaAndThe24HourCheck() {
    FormDefinition sae = p.form("sae-report").orElseThrow();
    assertThat(sae.fields()).extracting(FormField::id).contains("resultsInDeath", "lifeThreatening", "hospitalisation",
        "disability", "congenitalAnomaly", "otherImportantEvent", "awarenessAt", "reportedAt", "narrative");
    assertThat(sae.field("awarenessAt").orElseThrow().type()).isEqualTo("datetime");
    EditCheck ec10 = p.editChecks().stream().filter(c -> c.id().equals("EC10")).findFirst().orElseThrow();
    assertThat(ec10.kind()).isEqualTo("within-hours");
    assertThat(ec10.range().max()).isEqualByComparingTo("24");
    assertThat(ec10.appliesTo("sae-report")).isTrue();
    EditCheck ec12 = p.editChecks().stream().filter(c -> c.id().equals("EC12")).findFirst().orElseThrow();
    assertThat(ec12.fields()).hasSize(6).contains("lifeThreatening");
    assertThat(ec12.blocks()).isTrue();
  }

  @Test
  void aCtcaeGradeNeedsExactlyOneCtcaeTermAndWithinHoursNeedsItsBound() {
    String yaml = """
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
              - {id: when, type: date}
              - {id: grade, type: ctcae-grade}
        editChecks:
          - {id: E1, kind: within-hours, severity: query, forms: [f], field: when, otherField: when, message: m}
          - {id: E2, kind: any-true, severity: block, forms: [f], fields: [when], message: m}
        """;
    ProtocolCheck check = ProtocolLoader.check(new java.io.StringReader(yaml), "x.yaml");
    assertThat(check.errors()).extracting(Object::toString)
        .anyMatch(m -> m.contains("a ctcae-grade field is graded against the form's one ctcae-term field; the form"
            + " has 0"))
        .anyMatch(m -> m.contains("a within-hours check needs 'field', 'otherField' and 'max' (hours)"))
        .anyMatch(m -> m.contains("form 'f' has no boolean field 'when'"))
        .anyMatch(m -> m.contains("an any-true check needs 'fields', at least two boolean fields"));
  }
}
