package org.oligotrial.protocol;

import java.util.List;

/**
 * A stratification factor of the randomization.
 *
 * @param id the factor id, e.g. {@code histology}; also the analysis dataset's column name, so it matches {@code
 *     [a-z][a-z0-9_]*} (a valid R and SAS column name)
 * @param name the factor in words
 * @param levels the levels, each with the rule deriving it from the screening record (exactly one should hold)
 * @param formerIds ids the factor had in earlier versions of the protocol file, so that records and audit history
 *     written under them are still read as this factor (never null; empty when the id never changed)
 */
public record StratificationFactor(String id, String name, List<FactorLevel> levels, List<String> formerIds) {
  /** The pattern a factor id matches. */
  public static final String ID_PATTERN = "[a-z][a-z0-9_]*";

  public StratificationFactor {
    formerIds = formerIds == null ? List.of() : List.copyOf(formerIds);
  }

  /** A factor whose id never changed. */
  public StratificationFactor(String id, String name, List<FactorLevel> levels) {
    this(id, name, levels, List.of());
  }
}
