package org.oligotrial.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The domain core stays free of frameworks, databases, the web and the command line. */
class CoreIsFrameworkFreeTest {

  private final JavaClasses core =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.oligotrial");

  @Test
  void coreDependsOnNoFrameworkDatabaseOrCommandLine() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..", "jakarta.servlet..", "java.sql..", "javax.sql..", "picocli..", "org.oligotrial.cli..",
            "org.oligotrial.server..")
        .check(core);
  }
}
