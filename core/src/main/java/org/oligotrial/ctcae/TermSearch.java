package org.oligotrial.ctcae;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search by typing over the CTCAE terms, their system organ classes (SOC) and a synonym table of lay and clinical
 * words ({@code synonyms.tsv}).
 *
 * <p>The query and every text searched are folded first ({@link Folding}: case, accents, punctuation and British
 * spellings ignored). A term matches at the best of four ranks, best first:
 *
 * <ol>
 *   <li>{@link Rank#TERM_PREFIX}: the term begins with the query ("plat" finds "Platelet count decreased"), or the
 *       query is the beginning of the term's MedDRA code ("100285");
 *   <li>{@link Rank#TERM_WORD_PREFIX}: every word of the query begins a word of the term, in any order ("count
 *       decr", "rash" finds "Papulopustular rash");
 *   <li>{@link Rank#SYNONYM}: a synonym begins with the query, or every query word begins a word of the synonym
 *       ("low plat" finds "low platelets" and with it "Platelet count decreased"; "sickness" finds "Nausea" and
 *       "Vomiting");
 *   <li>{@link Rank#SOC}: every query word begins a word of the term's SOC ("cardiac" finds the terms of "Cardiac
 *       disorders").
 * </ol>
 *
 * Within a rank, synonym matches keep the table's order of terms; otherwise the shorter term comes first, then
 * alphabetical order of the folded term, so the result is deterministic.
 *
 * <p>Cost: one pass over the 837 terms, the synonym lines and nothing else per query, with the folded texts and
 * their words prepared once: O(terms x words) comparisons of short strings; see docs/benchmarks.md for the measured
 * time. Immutable and thread-safe.
 */
public final class TermSearch {
  /** How a term matched, best first. */
  public enum Rank { TERM_PREFIX, TERM_WORD_PREFIX, SYNONYM, SOC }

  /**
   * One result.
   *
   * @param term the CTCAE term
   * @param rank how it matched
   * @param via the synonym or the SOC that matched, or null for a match on the term or code itself
   */
  public record Match(CtcaeTerm term, Rank rank, String via) {}

  private record Prepared(CtcaeTerm term, String folded, String[] words, String[] socWords, int index) {}

  private final List<Prepared> terms;
  private final List<Synonyms.Entry> synonyms;
  private final Map<CtcaeTerm, Integer> index = new IdentityHashMap<>();

  TermSearch(List<CtcaeTerm> terms, List<Synonyms.Entry> synonyms) {
    List<Prepared> p = new ArrayList<>();
    for (CtcaeTerm t : terms) {
      String f = Folding.fold(t.term());
      index.put(t, p.size());
      p.add(new Prepared(t, f, f.split(" "), Folding.fold(t.soc()).split(" "), p.size()));
    }
    this.terms = List.copyOf(p);
    this.synonyms = synonyms;
  }

  /**
   * The terms matching {@code query}, best first, at most {@code limit}.
   *
   * @param query what was typed; null or blank (after folding) gives an empty list
   * @param limit the most results (values below 1 are taken as 1)
   */
  public List<Match> search(String query, int limit) {
    if (query == null) {
      return List.of();
    }
    String q = Folding.fold(query);
    if (q.isEmpty()) {
      return List.of();
    }
    String[] qw = q.split(" ");
    int n = terms.size();
    Rank[] rank = new Rank[n];
    String[] via = new String[n];
    int[] order = new int[n];
    boolean digits = q.chars().allMatch(Character::isDigit);
    for (Prepared p : terms) {
      if (p.folded.startsWith(q) || (digits && p.term.meddraCode().startsWith(q))) {
        rank[p.index] = Rank.TERM_PREFIX;
      } else if (allBeginWords(qw, p.words)) {
        rank[p.index] = Rank.TERM_WORD_PREFIX;
      }
    }
    int seq = 0;
    for (Synonyms.Entry s : synonyms) {
      if (s.folded().startsWith(q) || allBeginWords(qw, s.words())) {
        for (CtcaeTerm t : s.terms()) {
          int i = index.get(t);
          if (rank[i] == null) {
            rank[i] = Rank.SYNONYM;
            via[i] = s.phrase();
            order[i] = seq++;
          }
        }
      }
    }
    List<Integer> found = new ArrayList<>();
    for (Prepared p : terms) {
      if (rank[p.index] == null && allBeginWords(qw, p.socWords)) {
        rank[p.index] = Rank.SOC;
        via[p.index] = p.term.soc();
      }
      if (rank[p.index] != null) {
        found.add(p.index);
      }
    }
    found.sort(Comparator.<Integer, Rank>comparing(i -> rank[i])
        .thenComparingInt(i -> order[i])
        .thenComparingInt(i -> terms.get(i).folded.length())
        .thenComparing(i -> terms.get(i).folded));
    int k = Math.min(found.size(), Math.max(1, limit));
    List<Match> out = new ArrayList<>(k);
    for (int j = 0; j < k; j++) {
      int i = found.get(j);
      out.add(new Match(terms.get(i).term, rank[i], via[i]));
    }
    return List.copyOf(out);
  }

  /** Whether every query word begins some word of {@code words}. */
  private static boolean allBeginWords(String[] query, String[] words) {
    for (String q : query) {
      boolean found = false;
      for (String w : words) {
        if (w.startsWith(q)) {
          found = true;
          break;
        }
      }
      if (!found) {
        return false;
      }
    }
    return true;
  }
}
