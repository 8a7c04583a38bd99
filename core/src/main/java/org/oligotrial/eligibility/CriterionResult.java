package org.oligotrial.eligibility;

import java.util.List;
import org.oligotrial.protocol.CriterionKind;

/**
 * The outcome of one criterion for one candidate.
 *
 * @param id the criterion id, e.g. {@code I7}
 * @param kind inclusion or exclusion
 * @param status pass, fail or unknown
 * @param reason the decisive values with any unit conversion, and the threshold, e.g.
 *     {@code "HGB 85 g/L = 8.5 g/dL (x 0.1) (fails >= 9 g/dL)"}
 * @param source the registry's wording and the protocol notes that clarify it
 * @param missing the field paths whose absence made the status unknown; empty otherwise
 */
public record CriterionResult(String id, CriterionKind kind, CriterionStatus status, String reason, String source,
    List<String> missing) {}
