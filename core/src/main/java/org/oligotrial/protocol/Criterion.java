package org.oligotrial.protocol;

import java.util.List;

/**
 * One eligibility criterion.
 *
 * @param id the criterion id, e.g. {@code I7} or {@code E6}
 * @param kind inclusion or exclusion
 * @param title a short label, e.g. "bone marrow function"
 * @param wording the registry's own wording, verbatim
 * @param rule the computable rule (for an exclusion: the excluding condition)
 * @param appliesWhen the condition under which the criterion applies (e.g. women only), or null when always
 * @param notes ids of the protocol notes that clarify this criterion; never null
 */
public record Criterion(String id, CriterionKind kind, String title, String wording, Rule rule, Rule appliesWhen,
    List<String> notes) {}
