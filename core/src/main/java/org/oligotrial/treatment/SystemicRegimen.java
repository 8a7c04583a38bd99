package org.oligotrial.treatment;

/** The first-line systemic regimens of the protocol. */
public enum SystemicRegimen {
  EGFR_TKI("EGFR tyrosine-kinase inhibitor: gefitinib or erlotinib", true),
  PEMETREXED_CISPLATIN("platinum doublet: pemetrexed with cisplatin", false),
  TAXANE_CISPLATIN("platinum doublet: a taxane with cisplatin", false);

  private final String description;
  private final boolean targeted;

  SystemicRegimen(String description, boolean targeted) {
    this.description = description;
    this.targeted = targeted;
  }

  /** What the regimen is, in words. */
  public String description() {
    return description;
  }

  /** Whether this is targeted therapy (the stratification factor's "targeted" level). */
  public boolean targeted() {
    return targeted;
  }
}
