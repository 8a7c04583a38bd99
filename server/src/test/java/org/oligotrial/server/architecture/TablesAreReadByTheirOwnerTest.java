package org.oligotrial.server.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No feature reads or writes another feature's tables: a table named in SQL is named only in the package that owns
 * it; another feature asks the owner through a Java interface (for example
 * {@link org.oligotrial.server.randomization.RandomizationFacts} and
 * {@link org.oligotrial.server.participant.ParticipantReads} for data capture and randomization).
 *
 * <p>How it holds: ArchUnit sees types, not SQL, so the test reads the sources. It takes every string literal and
 * text block of every class under {@code org.oligotrial.server} (comments are not SQL and are left out), finds each
 * table name that follows an SQL keyword that names a table ({@code FROM, JOIN, INTO, UPDATE, TABLE}, also in
 * {@code DELETE FROM} and {@code ALTER TABLE}), and checks the class's feature package (the first package under
 * {@code org.oligotrial.server}) against {@link #OWNER}. The tables themselves come from the Flyway migrations'
 * {@code CREATE TABLE}: a new table without an owner fails the test, so it cannot slip past. No read crosses a
 * boundary: the audit trail's state replay and the date rules, which need several features' rows, ask each owner
 * ({@code StateReplay.Source}, {@code DateSource}) and name no table themselves.
 */
class TablesAreReadByTheirOwnerTest {
  static final Path MAIN = Path.of("src/main/java/org/oligotrial/server");
  static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

  /** Table to the feature package that owns it (creates it, writes it and answers questions about it). */
  static final Map<String, String> OWNER = Map.ofEntries(
      Map.entry("participant", "participant"), Map.entry("screening_version", "participant"),
      Map.entry("status_change", "participant"),
      Map.entry("site", "site"),
      Map.entry("user_account", "user"), Map.entry("user_site", "user"), Map.entry("api_token", "user"),
      Map.entry("electronic_signature", "user"), Map.entry("imported_signature", "user"),
      Map.entry("user_totp", "user"),
      Map.entry("audit_event", "audit"), Map.entry("audit_head", "audit"), Map.entry("audit_pending", "audit"),
      Map.entry("audit_checkpoint", "audit"),
      Map.entry("randomization", "randomization"), Map.entry("randomization_deviation", "randomization"),
      Map.entry("randomization_seed", "randomization"), Map.entry("randomization_trial", "randomization"),
      Map.entry("crf_form", "datacapture"), Map.entry("crf_form_version", "datacapture"),
      Map.entry("crf_query", "datacapture"), Map.entry("crf_alert", "datacapture"),
      Map.entry("crf_verification", "datacapture"),
      Map.entry("derived_endpoint", "datacapture"),
      // many trials (V60, a Java migration: db/migration/common/V60__trials.java)
      Map.entry("trial", "trial"), Map.entry("protocol_version", "trial"), Map.entry("trial_site", "trial"),
      Map.entry("trial_member", "user"), Map.entry("trial_member_site", "user"),
      Map.entry("interim_look", "monitoring"), Map.entry("results_release", "trial"),
      Map.entry("screening_provenance", "fhir"));

  private static final Pattern CREATE = Pattern.compile("(?i)create\\s+table\\s+(?:if\\s+not\\s+exists\\s+)?\"?(\\w+)");
  private static final Pattern LITERAL =
      Pattern.compile("\"\"\"(.*?)\"\"\"|\"((?:[^\"\\\\\\n]|\\\\.)*)\"", Pattern.DOTALL);
  private static final Pattern COMMENT = Pattern.compile("/\\*.*?\\*/|//[^\\n]*", Pattern.DOTALL);
  private static final Pattern NAMED = Pattern.compile("(?i)\\b(?:from|join|into|update|table)\\s+\"?(\\w+)");

  @Test
  void everyTableHasAnOwner() throws IOException {
    Set<String> tables = new TreeSet<>();
    try (Stream<Path> files = Files.walk(MIGRATIONS)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        Matcher m = CREATE.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (m.find()) {
          tables.add(m.group(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    assertThat(tables).hasSizeGreaterThan(20);
    assertThat(OWNER.keySet()).containsAll(tables);
  }

  @Test
  void tablesAreNamedOnlyInTheirOwnersPackage() throws IOException {
    Map<String, String> crossings = new TreeMap<>();
    int named = 0;
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path rel = MAIN.relativize(f);
        String feature = rel.getNameCount() > 1 ? rel.getName(0).toString() : "";
        for (String table : tablesNamed(Files.readString(f, StandardCharsets.UTF_8))) {
          named++;
          if (!feature.equals(OWNER.get(table))) {
            crossings.put(rel.toString().replace('\\', '/') + " -> " + table, OWNER.get(table));
          }
        }
      }
    }
    assertThat(named).as("tables named in SQL (the scan finds the SQL at all)").isGreaterThan(40);
    assertThat(crossings.keySet()).as("reads of another feature's tables (key: class -> table; value: owner)")
        .isEmpty();
  }

  @Test
  void theScanFindsTablesInLiteralsAndTextBlocksButNotInComments() {
    String source = """
        // reads from participant
        /** joins site */
        String a = "SELECT id FROM crf_form f JOIN participant p ON p.id = f.participant_id";
        String b = \"""
            UPDATE randomization_seed SET used = 1
            \""";
        """;
    assertThat(tablesNamed(source)).containsExactlyInAnyOrder("crf_form", "participant", "randomization_seed");
  }

  /** The known tables that SQL in the source's string literals and text blocks names. */
  static Set<String> tablesNamed(String source) {
    Set<String> found = new TreeSet<>();
    StringBuilder sql = new StringBuilder();
    Matcher lit = LITERAL.matcher(COMMENT.matcher(source).replaceAll(" "));
    while (lit.find()) {
      sql.append(lit.group(1) != null ? lit.group(1) : lit.group(2)).append('\n');
    }
    Matcher m = NAMED.matcher(sql);
    while (m.find()) {
      String t = m.group(1).toLowerCase(Locale.ROOT);
      if (OWNER.containsKey(t)) {
        found.add(t);
      }
    }
    return found;
  }

}
