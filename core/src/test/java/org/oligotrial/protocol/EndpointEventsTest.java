package org.oligotrial.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oligotrial.endpoints.EndpointRules;
import org.oligotrial.endpoints.ProgressionEndpoint;
import org.oligotrial.recist.LesionScope;

/** The {@code event} block of a progression endpoint in the protocol file, its checks, and the rules it gives. */
class EndpointEventsTest {
  private static final String HEAD = """
      id: T
      title: test
      targetSampleSize: 10
      arms: [{id: A, name: a, type: experimental}]
      criteria:
        - id: C1
          kind: inclusion
          title: t
          wording: w
          rule: {isTrue: consentSigned}
      endpoints:
      """;

  private static ProtocolCheck check(String endpoints) {
    return ProtocolLoader.check(new StringReader(HEAD + endpoints + "\n" + NctRecord.YAML), "t.yaml");
  }

  private static List<String> errors(String endpoints) {
    return check(endpoints).errors().stream().map(p -> p.field() + ": " + p.message()).toList();
  }

  @Test
  void theBundledProtocolDefinesTheFourProgressionEndpoints() {
    EndpointRules rules = EndpointRules.of(ProtocolLoader.bundled());
    assertThat(rules.deathAllowanceDays()).isEqualTo(84);
    // protocols/nct03119519.yaml, endpoints with an event block naming a progression scope, in file order
    assertThat(rules.progressionEndpoints()).containsExactly(
        new ProgressionEndpoint("pfs", LesionScope.ALL, true),
        new ProgressionEndpoint("thoracic-pfs", LesionScope.THORACIC, true),
        new ProgressionEndpoint("local-control", LesionScope.PRIMARY_TUMOUR, false),
        new ProgressionEndpoint("oligometastatic-control", LesionScope.OLIGOMETASTATIC_FOCI, false));
    assertThat(rules.endpoint("oligometastatic-control"))
        .isEqualTo(new ProgressionEndpoint("oligometastatic-control", LesionScope.OLIGOMETASTATIC_FOCI, false));
  }

  @Test
  void aProtocolStatesItsOwnWindowAndScopes() {
    ProtocolCheck c = check("""
          - {id: pfs, kind: primary, name: PFS, event: {progression: any, death: event, deathWindowDays: 56}}
          - {id: thoracic-pfs, kind: secondary, name: tPFS, event: {progression: thoracic, death: censored}}
        """);
    assertThat(c.errors()).isEmpty();
    EndpointRules rules = EndpointRules.of(c.protocol());
    assertThat(rules.deathAllowanceDays()).isEqualTo(56);
    assertThat(rules.endpoint("thoracic-pfs").deathIsEvent()).isFalse();
    // not defined: not derived
    assertThat(rules.endpoint("local-control")).isNull();
  }

  @Test
  void aProtocolWithoutEventBlocksDerivesNoProgressionEndpoint() {
    // the core holds no trial's endpoints: what the protocol does not define is not derived
    ProtocolCheck c = check("  - {id: pfs, kind: primary, name: PFS}\n");
    assertThat(EndpointRules.of(c.protocol()).progressionEndpoints()).isEmpty();
  }

  @Test
  void badEventBlocksAreErrorsWithTheirField() {
    assertThat(errors("  - {id: pfs, kind: primary, name: PFS, event: {progression: brain, death: event, "
        + "deathWindowDays: 84}}\n"))
        .containsExactly("endpoints[0].event.progression: unknown progression 'brain' (expected one of: any, "
            + "thoracic, primary-tumour, oligometastatic-foci)");
    assertThat(errors("  - {id: pfs, kind: primary, name: PFS, event: {progression: any, death: maybe}}\n"))
        .containsExactly("endpoints[0].event.death: unknown death rule 'maybe' (expected one of: event, censored)");
    assertThat(errors("  - {id: pfs, kind: primary, name: PFS, event: {progression: any, death: event}}\n"))
        .singleElement().asString().contains("missing field 'deathWindowDays'");
    assertThat(errors("  - {id: lc, kind: secondary, name: LC, event: {progression: primary-tumour, death: censored, "
        + "deathWindowDays: 84}}\n"))
        .containsExactly("endpoints[0].event.deathWindowDays: deathWindowDays applies only to 'death: event'");
    assertThat(errors("  - {id: pfs, kind: primary, name: PFS, event: {progression: any, death: event, "
        + "deathWindowDays: -1}}\n"))
        .containsExactly("endpoints[0].event.deathWindowDays: deathWindowDays must be 0 or more, was -1");
    assertThat(errors("  - {id: pfs, kind: primary, name: a}\n  - {id: pfs, kind: secondary, name: b}\n"))
        .singleElement().asString().contains("duplicate id 'pfs'");
  }

  @Test
  void everyTimeToEventEndpointOfBothTrialsNamesItsColumnPrefix() {
    // the prefixes of protocols/nct03119519.yaml: the dataset columns of docs/endpoints.md keep their names
    Protocol nct = ProtocolLoader.bundled();
    assertThat(nct.endpoints().stream().filter(Endpoint::timeToEvent).map(Endpoint::column))
        .containsExactly("pfs", "os", "tpfs", "lc", "ofc");
    assertThat(nct.endpoints().stream().filter(e -> e.id().equals("os")).findFirst().orElseThrow().event().deathOnly())
        .isTrue();
    ProtocolCheck sabr = ProtocolLoader.check(java.nio.file.Path.of("../protocols/nct01446744.yaml"));
    assertThat(sabr.errors()).isEmpty();
    assertThat(sabr.protocol().endpoints().stream().filter(Endpoint::timeToEvent).map(Endpoint::column))
        .containsExactly("os", "pfs", "lc");
  }

  @Test
  void columnPrefixesAreCheckedAndOverallSurvivalIsDeclared() {
    assertThat(errors("  - {id: pfs, kind: primary, name: PFS, column: PFS, event: {progression: any, death: censored}}\n"))
        .containsExactly("endpoints[0].column: column prefix 'PFS' must match [a-z][a-z0-9_]*");
    assertThat(errors("""
          - {id: pfs, kind: primary, name: PFS, column: x, event: {progression: any, death: censored}}
          - {id: os, kind: secondary, name: OS, column: x, event: {death: event}}
        """)).containsExactly("endpoints[1].column: column prefix 'x' is used by an earlier endpoint");
    assertThat(errors("  - {id: tox, kind: primary, name: T, definition: grade 3, column: tox}\n"))
        .containsExactly("endpoints[0].column: column applies only to a time-to-event endpoint (one with an event "
            + "block)");
    assertThat(errors("  - {id: os, kind: primary, name: OS, column: os, event: {death: censored}}\n"))
        .containsExactly("endpoints[0].event.death: an event block without progression is overall survival and "
            + "needs 'death: event', was 'censored'");
    assertThat(errors("  - {id: os, kind: primary, name: OS, column: os, event: {death: event, deathWindowDays: 1}}\n"))
        .containsExactly("endpoints[0].event.deathWindowDays: deathWindowDays applies only to a progression endpoint");
    // a primary endpoint that is not time-to-event: a warning that says what it is
    ProtocolCheck bare = check("  - {id: tox, kind: primary, name: T}\n");
    assertThat(bare.errors()).isEmpty();
    assertThat(bare.warnings()).singleElement().asString()
        .endsWith("the primary endpoint 'tox' is not time-to-event (no event block) and its definition does not say "
            + "what it is; it is not derived, and analyze needs explicit columns");
    ProtocolCheck said = check("  - {id: tox, kind: primary, name: T, definition: grade 3 or more}\n");
    assertThat(said.errors()).isEmpty();
    assertThat(said.warnings()).singleElement().asString().contains("(no event block): grade 3 or more;");
    // no column: a warning, the id names the columns
    ProtocolCheck noColumn = check("  - {id: thoracic-pfs, kind: primary, name: T, event: {progression: thoracic, "
        + "death: censored}}\n");
    assertThat(noColumn.errors()).isEmpty();
    assertThat(noColumn.warnings()).singleElement().asString().contains("states no column prefix");
    assertThat(noColumn.protocol().endpoints().get(0).columnPrefix()).isEqualTo("thoracic_pfs");
  }
}
