package org.oligotrial.server.audit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.kernel.SiteAccessDeniedException;

/** Every refused access is recorded by {@link AccessDenials}, the same way, within the trail's column sizes. */
class AccessDenialsTest {
  private final List<AuditEntry> recorded = new ArrayList<>();
  private final AccessDenials denials = new AccessDenials(recorded::add);
  private final Actor monitor = new Actor("mona", Role.MONITOR, Set.of("S1"));

  @Test
  void refusalIsRecordedAndReturnedAsA403Exception() {
    SiteAccessDeniedException e = denials.refuse(monitor, "participant", "p-1", "S2", "MONITOR may not change",
        "a monitor may not change participants of site S2");
    assertThat(e).hasMessage("a monitor may not change participants of site S2");
    assertThat(recorded).containsExactly(new AuditEntry("mona", AuditAction.ACCESS_DENIED, "participant", "p-1",
        null, null, null, "MONITOR may not change", "S2"));
  }

  @Test
  void shortFormNamesTheRoleInWords() {
    Actor dm = new Actor("dana", Role.DATA_MANAGER, Set.of("S1"));
    assertThat(denials.refuse(dm, "export", "analysis-dataset", null, "export the analysis dataset"))
        .hasMessage("a data manager may not export the analysis dataset");
    assertThat(recorded.get(0).reason()).isEqualTo("DATA_MANAGER may not export the analysis dataset");
    assertThat(recorded.get(0).siteCode()).isNull();
  }

  @Test
  void whatTheCallerTypedIsCutToTheTrailsColumns() {
    // audit_event.entity_id is VARCHAR(200) and site_code VARCHAR(32) (V1__register.sql)
    String longId = "x".repeat(250);
    String longSite = "S".repeat(33);
    denials.refuse(monitor, "participant", longId, longSite, "MONITOR may not read", "a monitor may not read");
    AuditEntry e = recorded.get(0);
    assertThat(e.entityId()).hasSize(200);
    assertThat(e.siteCode()).isNull();
    denials.refuse(monitor, "participant", "p", "S".repeat(32), "r", "m");
    assertThat(recorded.get(1).siteCode()).hasSize(32);
  }

  @Test
  void recordOnlyKeepsTheFieldAndThrowsNothing() {
    denials.record("ulla", "user", "ulla", "password", "password change refused: wrong current password", null);
    assertThat(recorded).containsExactly(new AuditEntry("ulla", AuditAction.ACCESS_DENIED, "user", "ulla",
        "password", null, null, "password change refused: wrong current password", null));
  }

  @Test
  void noOtherClassWritesAccessDenied() {
    noClasses().that().doNotBelongToAnyOf(AccessDenials.class, AuditAction.class)
        .should().accessField(AuditAction.class, "ACCESS_DENIED")
        .because("refusals are recorded by AccessDenials only")
        .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.oligotrial.server"));
  }
}
