package org.oligotrial.design;

/** The formula for the number of events a log-rank test needs. */
public enum EventsFormula {
  /**
   * Schoenfeld (1981, 1983): \( D = (z_{1-\alpha/s} + z_{1-\beta})^2 \, (1+r)^2 / (r \, \log^2 \Delta) \).
   */
  SCHOENFELD,
  /**
   * Freedman (1982): \( D = (z_{1-\alpha/s} + z_{1-\beta})^2 \, (1 + r\Delta)^2 / (r \, (1-\Delta)^2) \).
   */
  FREEDMAN
}
