package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The protocol's {@code record:} section: bad declarations are errors naming their path; rules resolve against it. */
class RecordDeclarationTest {
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

  private static List<String> errors(String yaml) {
    return ProtocolLoader.check(new StringReader(yaml), "t.yaml").errors().stream()
        .map(p -> p.field() + ": " + p.message()).toList();
  }

  private static List<String> errorsWithField(String field) {
    return errors(HEAD + "    - " + field + "\n");
  }

  @Test
  void aMinimalRecordLoadsAndGivesSlots() {
    ProtocolCheck c = ProtocolLoader.check(new StringReader(HEAD + """
            - {path: a.b, type: code, values: [x, y]}
            - path: items
              type: list
              items: [{name: n, type: integer, min: 1}, {name: s, type: code, values: [p, q], unique: true}]
        """), "t.yaml");
    assertThat(c.errors()).isEmpty();
    RecordDeclaration d = c.protocol().record();
    assertThat(d.fields()).extracting(RecordField::path).containsExactly("ok", "a.b", "items");
    assertThat(d.slot("a.b")).isEqualTo(1);
    assertThat(d.slot("items.s")).isEqualTo(1);
    assertThat(d.listOf("items.s").path()).isEqualTo("items");
    assertThat(d.field("items.s").unique()).isTrue();
    assertThat(d.listOf("a.b")).isNull();
  }

  @Test
  void theRecordSectionIsRequired() {
    assertThat(errors(HEAD.substring(0, HEAD.indexOf("record:")))).contains(": missing field 'record'");
  }

  @Test
  void badFieldDeclarationsNameTheirPath() {
    assertThat(errorsWithField("{path: x, type: decimal}"))
        .containsExactly("record.fields[1].type: unknown type 'decimal' (known: number, integer, text, code, flag, "
            + "date, list, text-list)");
    assertThat(errorsWithField("{path: x, type: code}"))
        .containsExactly("record.fields[1]: field 'x': a code field needs 'values' (its codes)");
    assertThat(errorsWithField("{path: x, type: text, min: 1}"))
        .containsExactly("record.fields[1]: field 'x': a range (min/max) is given only for number and integer fields");
    assertThat(errorsWithField("{path: x, type: flag, colour: red}")).singleElement()
        .satisfies(e -> assertThat(e).startsWith("record.fields[1].colour: unknown field 'colour'"));
    assertThat(errorsWithField("{path: ok, type: flag}"))
        .containsExactly("record.fields[1]: duplicate field path 'ok'");
    assertThat(errorsWithField("{path: x, type: number, role: birth}"))
        .containsExactly("record.fields[1].role: field 'x': role birth needs a date field");
    assertThat(errorsWithField("{path: 'x y', type: flag}")).singleElement()
        .satisfies(e -> assertThat(e).contains("'x y' is not a field path"));
    assertThat(errorsWithField("{path: ok.more, type: flag}"))
        .contains("record.fields[0]: field 'ok' is also the object holding 'ok.more'");
    assertThat(errorsWithField("{path: l, type: list, items: [{name: a, type: code, values: [u]}, "
        + "{name: b, type: text, requiredWhen: {field: a, values: [v]}}]}"))
        .containsExactly("record.fields[1].items[1].requiredWhen.values[0]: 'v' is not a code of l.a (codes: u)");
  }

  @Test
  void unknownAnalytesAndBadChecksAreErrors() {
    assertThat(errors(HEAD + "  labs: [HGB, LDH]\n")).singleElement()
        .satisfies(e -> assertThat(e).startsWith("record.labs[1]: unknown analyte 'LDH'"));
    assertThat(errors(HEAD + "  checks:\n    - {id: K, field: nope, holds: {isTrue: ok}, message: m}\n"))
        .containsExactly("record.checks[0].field: unknown screening-record field 'nope'");
    assertThat(errors(HEAD + "  checks:\n    - {id: K, field: ok, holds: {isTrue: nope}, message: m}\n"))
        .containsExactly("record.checks[0].holds.isTrue: unknown screening-record field 'nope'");
  }

  @Test
  void rulesResolveAgainstTheDeclaredFields() {
    String yaml = HEAD.replace("{isTrue: ok}", "{all: [{isTrue: ecog}, {age: {min: 18}}, "
        + "{lab: {analyte: HGB, op: \">=\", value: 9, unit: g/dL}}]}");
    assertThat(errors(yaml)).containsExactly(
        "criteria[0].rule.all[0].isTrue: unknown screening-record field 'ecog'",
        "criteria[0].rule.all[1].age: an age rule needs the record's date fields with role birth and role screening",
        "criteria[0].rule.all[2].lab.analyte: analyte 'HGB' is not recorded: add it to record.labs (recorded: )");
  }
}
