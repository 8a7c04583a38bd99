package org.oligotrial.recist;

/** Response of the target lesions at one assessment (RECIST 1.1 section 4.3.1). */
public enum TargetResponse {
  /** Complete response: every non-nodal target gone (0 mm) and every nodal target below 10 mm short axis. */
  CR("CR"),
  /** Partial response: sum at least 30% below the baseline sum. */
  PR("PR"),
  /** Stable disease: neither PR nor PD. */
  SD("SD"),
  /** Progressive disease: sum at least 20% and at least 5 mm above the nadir. */
  PD("PD"),
  /** Not evaluable: a target was not measured and the measured ones alone do not show PD. */
  NE("NE");

  private final String label;

  TargetResponse(String label) {
    this.label = label;
  }

  /** The abbreviation used in reports and JSON. */
  public String label() {
    return label;
  }
}
