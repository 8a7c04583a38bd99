package org.oligotrial.ctcae;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CTCAE v5.0 dictionary (National Cancer Institute, 27 November 2017, public domain): 837 terms, each with its
 * MedDRA v20.1 code, system organ class (SOC), definition and the grades that exist for it with their definitions.
 * Read from the classpath resource {@code org/oligotrial/ctcae/ctcae-v5.0.json} (its source line and checksum in the
 * {@code NOTICE.md} beside it).
 *
 * <p>Contract: {@link #v5()} loads the dictionary once, on first use (initialization-on-demand holder, so the load is
 * lazy and thread-safe without locks); the instance is immutable and every method is thread-safe. Term look-ups
 * ignore case, accents, punctuation and spacing ({@link Folding}); none returns null (an absent term is an empty
 * {@link Optional}). A missing or malformed resource is a build defect and throws {@link IllegalStateException}.
 */
public final class Ctcae {
  /** The classpath location of the dictionary. */
  public static final String RESOURCE = "/org/oligotrial/ctcae/ctcae-v5.0.json";

  private final String source;
  private final List<CtcaeTerm> terms;
  private final Map<String, CtcaeTerm> byKey = new HashMap<>();
  private final Map<String, CtcaeTerm> byCode = new HashMap<>();
  private final Map<String, List<CtcaeTerm>> bySoc;
  private final Map<String, CtcaeTerm> otherBySoc = new HashMap<>();
  private final TermSearch search;

  private Ctcae(String source, List<CtcaeTerm> terms) {
    this.source = source;
    this.terms = List.copyOf(terms);
    Map<String, List<CtcaeTerm>> socs = new LinkedHashMap<>();
    for (CtcaeTerm t : terms) {
      if (byKey.put(Folding.fold(t.term()), t) != null || byCode.put(t.meddraCode(), t) != null) {
        throw new IllegalStateException("CTCAE dictionary: duplicate term or code " + t.term());
      }
      socs.computeIfAbsent(t.soc(), s -> new ArrayList<>()).add(t);
      if (t.otherSpecify()) {
        otherBySoc.put(t.soc(), t);
      }
    }
    Map<String, List<CtcaeTerm>> frozen = new LinkedHashMap<>();
    socs.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.bySoc = Collections.unmodifiableMap(frozen);
    this.search = new TermSearch(this.terms, Synonyms.load(this));
  }

  /** The CTCAE v5.0 dictionary, loaded on first call. @throws IllegalStateException if the resource is broken */
  public static Ctcae v5() {
    return Holder.V5;
  }

  private static final class Holder {
    static final Ctcae V5 = load();
  }

  private static Ctcae load() {
    try (InputStream in = Ctcae.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("CTCAE dictionary missing from the classpath: " + RESOURCE);
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<CtcaeTerm> out = new ArrayList<>();
      for (JsonNode t : root.path("terms")) {
        Map<Integer, String> grades = new TreeMap<>();
        for (int g = 1; g <= 5; g++) {
          JsonNode d = t.path("grades").path(String.valueOf(g));
          // the NCI table's "-" (grade does not exist) is null in the file; a literal "-" means the same
          if (d.isString() && !d.stringValue().isBlank() && !d.stringValue().strip().equals("-")) {
            grades.put(g, d.stringValue());
          }
        }
        out.add(new CtcaeTerm(t.path("term").stringValue(), t.path("meddraCode").stringValue(),
            t.path("soc").stringValue(), grades, text(t.path("definition")), text(t.path("navigationalNote"))));
      }
      return new Ctcae(text(root.path("source")), out);
    } catch (IOException | RuntimeException e) {
      if (e instanceof IllegalStateException ise) {
        throw ise;
      }
      throw new IllegalStateException("CTCAE dictionary unreadable: " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  private static String text(JsonNode n) {
    return n.isString() ? n.stringValue() : null;
  }

  /** The source line of the dictionary (NCI, version, date, public domain). */
  public String source() {
    return source;
  }

  /** Every term, in the NCI's order (by system organ class, then alphabetical, "Other, specify" last). */
  public List<CtcaeTerm> terms() {
    return terms;
  }

  /** The system organ classes in the NCI's order, each with its terms. */
  public Map<String, List<CtcaeTerm>> bySoc() {
    return bySoc;
  }

  /** The term so spelled (ignoring case, accents, punctuation and spacing), e.g. {@code "nausea"}. */
  public Optional<CtcaeTerm> term(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(byKey.get(Folding.fold(name)));
  }

  /** The term with that MedDRA code, e.g. {@code "10028813"} (Nausea). */
  public Optional<CtcaeTerm> code(String meddraCode) {
    return meddraCode == null ? Optional.empty() : Optional.ofNullable(byCode.get(meddraCode.strip()));
  }

  /** The "Other, specify" term of a system organ class (spelled exactly as the dictionary does). */
  public Optional<CtcaeTerm> otherSpecify(String soc) {
    return Optional.ofNullable(otherBySoc.get(soc));
  }

  /**
   * Terms matching what was typed, best first ({@link TermSearch} gives the ranking).
   *
   * @param query what was typed; blank gives no result
   * @param limit the most results returned (at least 1)
   */
  public List<TermSearch.Match> search(String query, int limit) {
    return search.search(query, limit);
  }
}
