package org.oligotrial.protocol;

import java.math.BigDecimal;

/**
 * One level of a stratification factor.
 *
 * @param code the level code, e.g. {@code squamous}
 * @param label the level in words
 * @param when the screening-record condition under which a participant has this level
 * @param prevalence the share of participants expected at this level, from 0 to 1, used only to simulate the
 *     randomization ({@code randomization simulate}); null when not stated (the simulation then shares what the
 *     stated levels leave equally among the others)
 */
public record FactorLevel(String code, String label, Rule when, BigDecimal prevalence) {

  /** A level without a stated prevalence. */
  public FactorLevel(String code, String label, Rule when) {
    this(code, label, when, null);
  }
}
