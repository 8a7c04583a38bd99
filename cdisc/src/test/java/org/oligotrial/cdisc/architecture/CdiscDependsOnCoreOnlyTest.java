package org.oligotrial.cdisc.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The CDISC module needs only the JDK (StAX, javax.xml), Jackson and the domain core: no framework, no database,
 * no server, no command line; and its packages are free of cycles (model at the bottom).
 */
class CdiscDependsOnCoreOnlyTest {
  private final JavaClasses cdisc = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.oligotrial.cdisc");

  @Test
  void dependsOnTheJdkJacksonAndTheCoreOnly() {
    classes().that().resideInAPackage("org.oligotrial.cdisc..").should().onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "javax.xml..", "org.w3c.dom..", "org.xml.sax..", "tools.jackson..",
            "org.oligotrial.cdisc..", "org.oligotrial.protocol..", "org.oligotrial.recist..",
            "org.oligotrial.endpoints..", "org.oligotrial.units..", "org.oligotrial.eligibility..",
            "org.oligotrial.ctcae..")
        .check(cdisc);
  }

  @Test
  void packagesAreFreeOfCycles() {
    slices().matching("org.oligotrial.cdisc.(*)..").should().beFreeOfCycles().check(cdisc);
  }
}
