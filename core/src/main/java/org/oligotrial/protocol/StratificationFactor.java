package org.oligotrial.protocol;

import java.util.List;

/**
 * A stratification factor of the randomization.
 *
 * @param id the factor id, e.g. {@code histology}
 * @param name the factor in words
 * @param levels the levels, each with the rule deriving it from the screening record (exactly one should hold)
 */
public record StratificationFactor(String id, String name, List<FactorLevel> levels) {}
