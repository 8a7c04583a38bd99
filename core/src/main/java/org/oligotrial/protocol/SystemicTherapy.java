package org.oligotrial.protocol;

import java.util.List;

/**
 * The systemic-therapy rule: the first regimen whose condition holds is given; when none holds, no regimen can be
 * chosen yet and {@code otherwise} says why (e.g. EGFR status unknown).
 *
 * @param regimens the regimens in order of precedence
 * @param otherwise the explanation when no regimen applies
 */
public record SystemicTherapy(List<Regimen> regimens, String otherwise) {}
