package org.oligotrial.recist;

/**
 * Overall response at one assessment (RECIST 1.1 Tables 4 and 5) and best overall response (section 4.4.1).
 * {@link #NON_CR_NON_PD} occurs only for participants with non-target disease alone (Table 5).
 */
public enum OverallResponse {
  CR("CR"),
  PR("PR"),
  SD("SD"),
  NON_CR_NON_PD("non-CR/non-PD"),
  PD("PD"),
  NE("NE");

  private final String label;

  OverallResponse(String label) {
    this.label = label;
  }

  /** The abbreviation used in reports and JSON. */
  public String label() {
    return label;
  }
}
