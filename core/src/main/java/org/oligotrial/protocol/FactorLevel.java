package org.oligotrial.protocol;

/**
 * One level of a stratification factor.
 *
 * @param code the level code, e.g. {@code squamous}
 * @param label the level in words
 * @param when the screening-record condition under which a participant has this level
 */
public record FactorLevel(String code, String label, Rule when) {}
