package org.oligotrial.protocol;

import java.util.List;

/**
 * A treatment arm.
 *
 * @param id the arm code used everywhere else, e.g. {@code RT+}
 * @param name the registry's arm title
 * @param type {@code experimental} or {@code active-comparator}
 * @param description the registry's description
 * @param interventions the interventions given in the arm, in words
 */
public record Arm(String id, String name, String type, String description, List<String> interventions) {}
