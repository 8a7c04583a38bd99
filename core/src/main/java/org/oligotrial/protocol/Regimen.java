package org.oligotrial.protocol;

import java.util.List;

/**
 * A first-line systemic regimen and when it is given.
 *
 * @param id the regimen id, e.g. {@code egfr-tki}
 * @param name the regimen in words
 * @param drugs the drugs (for a choice, each alternative)
 * @param category {@code targeted} or {@code chemotherapy}
 * @param when the screening-record condition that selects it
 */
public record Regimen(String id, String name, List<String> drugs, String category, Rule when) {}
