package org.oligotrial.protocol;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * How participants are allocated.
 *
 * @param method the primary method: {@code minimization} or {@code permuted-blocks}
 * @param ratio the allocation ratio per arm, in the order of the protocol's arms (e.g. [1, 1])
 * @param factorWeights the minimization weight per stratification factor id
 * @param imbalance the imbalance measure for minimization: {@code range} (or {@code variance})
 * @param probability the probability of assigning the arm that minimizes imbalance (Pocock-Simon p), e.g. 0.8
 * @param alternativeMethod the alternative method, e.g. {@code permuted-blocks}, or null
 * @param blockSizes the block sizes for permuted blocks (total over arms), e.g. [2, 4, 6]
 */
public record RandomizationSettings(String method, List<Integer> ratio, Map<String, BigDecimal> factorWeights,
    String imbalance, BigDecimal probability, String alternativeMethod, List<Integer> blockSizes) {}
