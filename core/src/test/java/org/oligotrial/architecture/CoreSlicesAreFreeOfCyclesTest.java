package org.oligotrial.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core's feature packages ({@code eligibility}, {@code randomization}, {@code survival}, ...) depend on each
 * other one way only; {@code org.oligotrial.input} (bad input) sits below them all.
 */
class CoreSlicesAreFreeOfCyclesTest {
  private final JavaClasses core = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.oligotrial");

  @Test
  void featurePackagesAreFreeOfCycles() {
    slices().matching("org.oligotrial.(*)..").should().beFreeOfCycles().check(core);
  }
}
