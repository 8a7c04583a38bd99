package org.oligotrial.server.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.datacapture.MutableClock;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.InvalidFieldException;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;
import org.oligotrial.server.participant.ParticipantHistory;
import org.oligotrial.server.participant.ParticipantService;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.ScreeningVersion;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.scope.TrialScopes;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Amendments of the default trial, with screenings evaluated under the trial's own protocol versions (no scripted
 * evaluator). The amendment lowers inclusion I1's upper age limit from 70 to 60: the example candidate
 * ({@code examples/screening/eligible.json}, born 1962-07-21, screened 2025-03-10, so 62 years old) is eligible
 * under version 1 and fails I1 under version 2.
 */
class ProtocolAmendmentTest {
  static final String TRIAL = "NCT03119519";
  HikariDataSource ds;
  Register reg;
  MutableClock clock;
  ParticipantService participants;
  final Actor admin = TestRegisters.admin();
  Actor coord;
  String eligible;
  LocalDate today;

  @BeforeEach
  void setUp() {
    ds = TestRegisters.migrated(TestRegisters.freshH2Url(), 4);
    today = LocalDate.now(ZoneOffset.UTC); // the migration makes version 1 effective today
    clock = new MutableClock(today);
    reg = Register.on(ds, null, new BCryptPasswordEncoder(4), clock, TestRegisters.auditKeys());
    reg.sites().add(admin, "A", "Site A");
    reg.users().add(admin, "coord.a", Role.COORDINATOR, Set.of("A"), "correct horse battery");
    coord = reg.users().actorOn("coord.a", TRIAL).orElseThrow();
    participants = reg.participants();
    eligible = TestProtocols.firstEligible();
  }

  @AfterEach
  void close() {
    ds.close();
  }

  @Test
  void aScreeningKeepsTheVersionItWasMadeUnderAndARescreeningUsesTheAmendedOne() {
    ProtocolVersion v1 = reg.trials().current(TRIAL);
    ParticipantHistory before = participants.register(coord, "A", "AM-1", eligible);
    assertThat(before.screenings().get(0).verdict()).isEqualTo("ELIGIBLE");
    assertThat(before.screenings().get(0).protocolVersion()).isEqualTo(v1.screeningTag());

    ProtocolVersion v2 = reg.trials().amend(admin, TRIAL, TestProtocols.withMaximumAge(60), "amended.yaml",
        today, "Amendment 1: upper age limit 60");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.label()).isEqualTo("v2");
    assertThat(reg.trials().current(TRIAL)).isEqualTo(v2);

    String id = before.participant().id();
    ScreeningVersion kept = participants.history(coord, id).screenings().get(0);
    assertThat(kept.protocolVersion()).isEqualTo(v1.screeningTag());
    assertThat(kept.verdict()).isEqualTo("ELIGIBLE");

    ParticipantHistory after = participants.rescreen(coord, id, eligible, "re-screened after amendment 1");
    ScreeningVersion again = after.screenings().get(1);
    assertThat(again.protocolVersion()).isEqualTo(v2.screeningTag()).isNotEqualTo(v1.screeningTag());
    assertThat(again.verdict()).isEqualTo("INELIGIBLE");
    assertThat(again.screenFailureReasons()).singleElement().asString().startsWith("I1: ");
    assertThat(after.participant().status()).isEqualTo(ParticipantStatus.SCREEN_FAILED);

    // a new screening is made under version 2; a report states that the data span both versions
    participants.register(coord, "A", "AM-2", eligible);
    var spanned = new TrialScopes(reg, clock, "", null).versionsSpanned(TRIAL);
    assertThat(spanned.screenings()).extracting(ProtocolVersion::label).containsExactly("v1", "v2");
    assertThat(spanned.summary()).isEqualTo("Protocol versions: v1 (effective " + today + "), v2 (effective "
        + today + ")");
  }

  @Test
  void anAmendmentDatedLaterWaitsForItsDay() {
    reg.trials().amend(admin, TRIAL, TestProtocols.withMaximumAge(60), "amended.yaml", today.plusDays(10),
        "Amendment 1: upper age limit 60");
    assertThat(reg.trials().current(TRIAL).version()).isEqualTo(1);
    assertThat(participants.register(coord, "A", "AM-3", eligible).screenings().get(0).verdict())
        .isEqualTo("ELIGIBLE");
    clock.set(today.plusDays(10));
    assertThat(reg.trials().current(TRIAL).version()).isEqualTo(2);
    assertThat(participants.register(coord, "A", "AM-4", eligible).screenings().get(0).verdict())
        .isEqualTo("INELIGIBLE");
  }

  @Test
  void formsAreMadeUnderTheVersionCurrentWhenTheTrialsServicesWereMade() {
    TrialScopes scopes = new TrialScopes(reg, clock, "", null);
    var v1Scope = scopes.of(TRIAL);
    assertThat(v1Scope.dataCapture().forms().protocolVersion()).isEqualTo(1);
    reg.trials().amend(admin, TRIAL, TestProtocols.withMaximumAge(60), "amended.yaml", today, "Amendment 1");
    var v2Scope = scopes.of(TRIAL);
    assertThat(v2Scope).isNotSameAs(v1Scope);
    assertThat(v2Scope.dataCapture().forms().protocolVersion()).isEqualTo(2);
    assertThat(v2Scope.trial().current().version()).isEqualTo(2);
  }

  @Test
  void anAmendmentWithAnotherTrialsIdIsRefusedNamingBothIds() {
    assertThatThrownBy(() -> reg.trials().amend(admin, TRIAL, TestProtocols.second(), "nct01446744.yaml", today,
        "wrong file"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("the protocol's id is NCT01446744, not the trial's " + TRIAL)
        .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("protocol");
    assertThat(reg.trials().versions(TRIAL)).hasSize(1);
  }

  @Test
  void anAmendmentMustChangeTheTextKeepTheDateOrderGiveAReasonAndComeFromAnAdministrator() {
    String same = TestProtocols.bundled();
    assertThatThrownBy(() -> reg.trials().amend(admin, TRIAL, same, "same.yaml", today, "nothing"))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("the same text as v1");
    String amended = TestProtocols.withMaximumAge(60);
    assertThatThrownBy(() -> reg.trials().amend(admin, TRIAL, amended, "a.yaml", today.minusDays(1), "early"))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must be on or after " + today)
        .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("effective");
    assertThatThrownBy(() -> reg.trials().amend(admin, TRIAL, amended, "a.yaml", today, " "))
        .isInstanceOf(InvalidFieldException.class)
        .extracting(e -> ((InvalidFieldException) e).field()).isEqualTo("reason");
    assertThatThrownBy(() -> reg.trials().amend(coord, TRIAL, amended, "a.yaml", today, "not mine"))
        .isInstanceOf(SiteAccessDeniedException.class);
    assertThatThrownBy(() -> reg.trials().amend(admin, TRIAL, "id: [", "broken.yaml", today, "broken"))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("the protocol has errors")
        .hasMessageContaining("broken.yaml");
    assertThat(reg.trials().versions(TRIAL)).hasSize(1);
    // the amendment that is made is audited with the trial, the reason and both texts' digests
    reg.trials().amend(admin, TRIAL, amended, "a.yaml", today, "Amendment 1");
    assertThat(reg.audit().forRecord("trial", TRIAL)).last().satisfies(e -> {
      assertThat(e.entry().field()).isEqualTo("protocol");
      assertThat(e.entry().reason()).isEqualTo("Amendment 1");
      assertThat(e.entry().trialId()).isEqualTo(TRIAL);
      assertThat(e.entry().newValue()).startsWith("v2 sha256:").endsWith("effective " + today);
    });
    assertThat(reg.verifier().verify().intact()).isTrue();
  }
}
