package org.oligotrial.server.user;

/**
 * What an electronic signature means (21 CFR 11.50(a)(3): "the meaning (such as review, approval, responsibility,
 * or authorship) associated with the signature"). Each signed act states its meaning: randomization is the
 * investigator's approval of the allocation; signing a case report form is the investigator's review and approval
 * of its data.
 */
public enum SignatureMeaning {
  /** The signer wrote the record. */
  AUTHORSHIP("authorship", "Authored"),
  /** The signer reviewed the record. */
  REVIEW("review", "Reviewed"),
  /** The signer reviewed the record and approves it. */
  REVIEW_AND_APPROVAL("review and approval", "Reviewed and approved"),
  /** The signer approves the act. */
  APPROVAL("approval", "Approved");

  private final String label;
  private final String verb;

  SignatureMeaning(String label, String verb) {
    this.label = label;
    this.verb = verb;
  }

  /** The meaning as shown, e.g. {@code review and approval}. */
  public String label() {
    return label;
  }

  /** The past participle that opens the signature's manifestation, e.g. {@code Approved}. */
  public String verb() {
    return verb;
  }
}
