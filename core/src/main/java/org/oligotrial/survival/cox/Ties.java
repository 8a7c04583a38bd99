package org.oligotrial.survival.cox;

/** How the partial likelihood treats several events at the same time. */
public enum Ties {
  /** Efron's approximation (1977), the default of R's {@code coxph}. */
  EFRON,
  /** Breslow's approximation (1974): every tied event sees the full risk set. */
  BRESLOW
}
