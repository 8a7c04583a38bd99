package org.oligotrial.server.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The server's feature packages (each direct sub-package of {@code org.oligotrial.server}, with its own
 * sub-packages) depend on each other one way only, with the shared kernel at the bottom. A cycle report names the
 * classes on each edge; break it by moving what both sides need down (into {@code kernel} or the lower feature),
 * or by letting the lower feature offer an interface that the upper one implements.
 */
class ServerSlicesAreFreeOfCyclesTest {
  private final JavaClasses server = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.oligotrial.server");

  @Test
  void featurePackagesAreFreeOfCycles() {
    slices().matching("org.oligotrial.server.(*)..").should().beFreeOfCycles().check(server);
  }

  @Test
  void theKernelUsesNoOtherServerPackage() {
    noClasses().that().resideInAPackage("org.oligotrial.server.kernel..")
        .should().dependOnClassesThat(resideInAPackage("org.oligotrial.server..")
            .and(not(resideInAPackage("org.oligotrial.server.kernel.."))))
        .check(server);
  }
}
