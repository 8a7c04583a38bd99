package org.oligotrial.ctcae;

import java.util.Objects;

/**
 * The value of a {@code ctcae-term} form field: an adverse event coded to a CTCAE v5.0 term, or an older free-text
 * entry not yet coded. Stored as JSON {@code {"term": "Nausea", "meddraCode": "10028813", "soc": "Gastrointestinal
 * disorders"}}, with {@code "otherSpecify": "..."} for an "Other, specify" term; a value stored before the field was
 * coded is a JSON string and reads as {@link #uncoded(String)} ({@link CodedTerms#read}).
 *
 * @param term the CTCAE term, or the text as entered when uncoded
 * @param meddraCode the MedDRA code, or null when uncoded
 * @param soc the system organ class, or null when uncoded
 * @param otherSpecify the event in words for an "Other, specify" term, otherwise null
 */
public record CodedTerm(String term, String meddraCode, String soc, String otherSpecify) {
  /** The SOC under which uncoded entries are grouped in tables. */
  public static final String UNCODED_SOC = "Uncoded (free text, to be coded)";

  public CodedTerm {
    Objects.requireNonNull(term, "term");
  }

  /** A text entered before coding: no code, no SOC. */
  public static CodedTerm uncoded(String text) {
    return new CodedTerm(text, null, null, null);
  }

  /** The entry coded to a dictionary term. */
  public static CodedTerm of(CtcaeTerm t, String otherSpecify) {
    return new CodedTerm(t.term(), t.meddraCode(), t.soc(), otherSpecify);
  }

  /** Whether the entry carries a MedDRA code. */
  public boolean coded() {
    return meddraCode != null;
  }

  /** The SOC, or {@link #UNCODED_SOC} for an uncoded entry. */
  public String socOrUncoded() {
    return soc == null ? UNCODED_SOC : soc;
  }

  /**
   * The term as a table or a page shows it: the term; for "Other, specify" the class's term followed by the text
   * ({@code "Gastrointestinal disorders - Other, specify: bezoar"}); an uncoded entry as typed.
   */
  public String label() {
    return otherSpecify == null ? term : term + ": " + otherSpecify;
  }
}
