package org.oligotrial.server.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.Main;

/**
 * The server needs the command-line module only to put its own commands next to the core commands under one root
 * command: {@link Main} is the one class that may use {@code org.oligotrial.cli}. Bad input
 * ({@code org.oligotrial.input.UserInputException}) and the Kaplan-Meier plot ({@code org.oligotrial.survival.plot})
 * come from the core.
 */
class ServerUsesCliOnlyAtTheEntryTest {

  private final JavaClasses server = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.oligotrial.server");

  @Test
  void onlyTheLauncherEntryUsesTheCommandLineModule() {
    noClasses()
        .that().resideInAPackage("org.oligotrial.server..")
        .and().doNotBelongToAnyOf(Main.class)
        .should().dependOnClassesThat().resideInAPackage("org.oligotrial.cli..")
        .because("the server takes exceptions and plots from the core; only the launcher's root command is shared")
        .check(server);
  }

  @Test
  void theEntryStillUsesTheCoreCommandsSoTheRuleAboveHasSomethingToHold() {
    // without this the rule would pass vacuously if the server's classes were not imported at all
    assertThat(server.contain(Main.class)).isTrue();
    assertThat(server.get(Main.class).getDirectDependenciesFromSelf())
        .anyMatch(d -> d.getTargetClass().getPackageName().startsWith("org.oligotrial.cli"));
  }
}
