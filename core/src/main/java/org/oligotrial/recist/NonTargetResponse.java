package org.oligotrial.recist;

/** Response of the non-target lesions at one assessment (RECIST 1.1 section 4.3.3). */
public enum NonTargetResponse {
  /** Complete response: every non-target lesion absent (nodes back to normal size, below 10 mm short axis). */
  CR("CR"),
  /** Persistence of one or more non-target lesions without unequivocal progression. */
  NON_CR_NON_PD("non-CR/non-PD"),
  /** Unequivocal progression of existing non-target lesions. */
  PD("PD"),
  /** Not evaluable: a non-target lesion was not assessed and none progressed. */
  NE("NE"),
  /** Not applicable: there were no non-target lesions at baseline. */
  NN("NN");

  private final String label;

  NonTargetResponse(String label) {
    this.label = label;
  }

  /** The abbreviation used in reports and JSON. */
  public String label() {
    return label;
  }
}
