package org.oligotrial.treatment;

/** The tumour's histology as far as the trial distinguishes it. */
public enum Histology {
  SQUAMOUS,
  ADENOCARCINOMA,
  /** Non-squamous histology other than adenocarcinoma (for example large-cell carcinoma). */
  OTHER_NON_SQUAMOUS;

  /** Whether this is squamous-cell carcinoma. */
  public boolean isSquamous() {
    return this == SQUAMOUS;
  }
}
