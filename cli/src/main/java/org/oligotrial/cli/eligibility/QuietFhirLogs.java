package org.oligotrial.cli.eligibility;

import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Keeps HAPI FHIR's start-up messages ("HAPI FHIR version ...", "Creating new FHIR context ...") out of the command's
 * output. In the launcher's jar the SLF4J backend is Logback with no configuration for a command-line run, which logs
 * INFO and DEBUG to standard output and so would mix with the report or the JSON; HAPI's loggers are set to WARN. The
 * level is set by reflection, as the command line does not depend on Logback; with any other backend, or none, this
 * does nothing.
 */
final class QuietFhirLogs {
  private QuietFhirLogs() {}

  static void apply() {
    for (String name : List.of("ca.uhn.fhir", "org.hl7.fhir")) {
      Object logger = LoggerFactory.getLogger(name);
      try {
        Class<?> level = Class.forName("ch.qos.logback.classic.Level", false, logger.getClass().getClassLoader());
        logger.getClass().getMethod("setLevel", level).invoke(logger, level.getField("WARN").get(null));
      } catch (ReflectiveOperationException | LinkageError e) {
        return; // not Logback: its own configuration applies
      }
    }
  }
}
