package org.oligotrial.cdisc.tabulation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CTCAE v5.0 terms with their MedDRA v20.1 LLT codes and system organ classes (resource
 * {@code org/oligotrial/cdisc/ctcae/ctcae-v5.0.json}, NCI, public domain; source line in schema/SOURCES.md). Terms
 * are matched ignoring case. Loaded once; immutable and thread-safe.
 */
public final class Ctcae {
  /**
   * One term.
   *
   * @param term the CTCAE term as spelled by CTCAE
   * @param meddraCode the MedDRA LLT code
   * @param soc the system organ class
   */
  public record Term(String term, String meddraCode, String soc) {}

  private static final Map<String, Term> TERMS = load();

  private Ctcae() {}

  /** The term, if it is a CTCAE v5.0 term. */
  public static Optional<Term> find(String term) {
    return term == null ? Optional.empty() : Optional.ofNullable(TERMS.get(term.trim().toLowerCase(Locale.ROOT)));
  }

  /** How many terms are known (837). */
  public static int size() {
    return TERMS.size();
  }

  private static Map<String, Term> load() {
    try (InputStream in = Ctcae.class.getResourceAsStream("/org/oligotrial/cdisc/ctcae/ctcae-v5.0.json")) {
      JsonNode root = JsonMapper.builder().build().readTree(in);
      Map<String, Term> out = new HashMap<>();
      for (JsonNode t : root.path("terms")) {
        Term term = new Term(t.path("term").asString(), t.path("meddraCode").asString(), t.path("soc").asString());
        out.put(term.term().toLowerCase(Locale.ROOT), term);
      }
      return Map.copyOf(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
