package org.oligotrial.endpoints;

import java.util.Objects;
import org.oligotrial.ctcae.CodedTerm;
import org.oligotrial.ctcae.Ctcae;
import org.oligotrial.ctcae.CtcaeTerm;

/**
 * An adverse event graded by CTCAE.
 *
 * @param term the CTCAE term, e.g. "Pneumonitis", or for "Other, specify" the term with its text (as
 *     {@link CodedTerm#label()}); grouped ignoring case and surrounding spaces
 * @param soc the MedDRA system organ class of the term, or {@link CodedTerm#UNCODED_SOC} for free text not yet coded
 * @param grade CTCAE grade 1 (mild) to 5 (death related to the event)
 */
public record AdverseEvent(String term, String soc, int grade) {
  /** @throws NullPointerException if term or soc is null */
  public AdverseEvent {
    Objects.requireNonNull(term, "term");
    Objects.requireNonNull(soc, "soc");
  }

  /**
   * An event whose class is looked up in CTCAE v5.0 by the term's name ({@link CodedTerm#UNCODED_SOC} when the name is
   * not a CTCAE term).
   */
  public AdverseEvent(String term, int grade) {
    this(term, Ctcae.v5().term(term).map(CtcaeTerm::soc).orElse(CodedTerm.UNCODED_SOC), grade);
  }

  /** The event of a coded (or uncoded) form entry. */
  public static AdverseEvent of(CodedTerm coded, int grade) {
    return new AdverseEvent(coded.label(), coded.socOrUncoded(), grade);
  }
}
