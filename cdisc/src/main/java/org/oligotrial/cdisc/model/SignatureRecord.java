package org.oligotrial.cdisc.model;

import java.time.Instant;

/**
 * An electronic signature on a form or on the whole casebook.
 *
 * @param formType the form signed, or null for the casebook (subject-level signature)
 * @param visitId the form's visit id (null for the log or for the casebook)
 * @param visitRepeat the visit occurrence
 * @param formKey the form instance key, or null for the casebook
 * @param user who signed
 * @param siteCode where
 * @param meaningId the {@link AdminInfo.SignatureMeaning} id
 * @param time when
 */
public record SignatureRecord(String formType, String visitId, int visitRepeat, String formKey, String user,
    String siteCode, String meaningId, Instant time) {

  /** Whether the signature is on the casebook rather than a form. */
  public boolean onCasebook() {
    return formKey == null;
  }
}
