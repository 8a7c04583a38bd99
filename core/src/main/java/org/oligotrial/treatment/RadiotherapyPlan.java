package org.oligotrial.treatment;

import java.util.List;

/**
 * The local radiotherapy of the RT+ arm.
 *
 * @param techniques the allowed techniques
 * @param targets what is irradiated
 * @param timing when it must be given
 */
public record RadiotherapyPlan(List<String> techniques, List<String> targets, String timing) {
  public RadiotherapyPlan {
    techniques = List.copyOf(techniques);
    targets = List.copyOf(targets);
  }

  /** The protocol's radiotherapy: 3D-CRT or IMRT to the primary and/or the remediable foci, before progression. */
  public static final RadiotherapyPlan PROTOCOL = new RadiotherapyPlan(
      List.of("3D-CRT", "IMRT"),
      List.of("primary thoracic tumour", "remediable oligometastatic foci"),
      "with first-line systemic therapy, no later than disease progression");
}
