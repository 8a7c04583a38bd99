package org.oligotrial.recist;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One lesion of the baseline tumour assessment, as a radiologist records it. Whether it is a valid target or
 * non-target lesion is checked by {@link BaselineRules}, not here.
 *
 * @param id lesion id, unique within the participant: {@code T1..} for targets and {@code N1..} for non-targets
 *     ({@link LesionIds} generates them)
 * @param target true for a target lesion (measured and summed), false for a non-target lesion (followed
 *     qualitatively)
 * @param site the coded site
 * @param siteText the site in words when {@code site} is {@link LesionSite#OTHER} (required then); otherwise null or
 *     a free-text precision ("right lower lobe")
 * @param nodal true for a lymph node, whose measure is the short axis
 * @param mm longest diameter (non-nodal) or short axis (nodal) in mm; required for a target, optional for a
 *     non-target (null when not measured)
 * @param method imaging method of the measurement; required for a target, may be null for a non-target
 * @param sliceThicknessMm reconstruction slice thickness in mm of a CT, MRI or PET-CT; null when not recorded (then
 *     assumed 5 mm or less) and for X-ray
 * @param role what the lesion is for the endpoints
 */
public record BaselineLesion(
    String id,
    boolean target,
    LesionSite site,
    String siteText,
    boolean nodal,
    BigDecimal mm,
    ImagingMethod method,
    BigDecimal sliceThicknessMm,
    LesionRole role) {

  /** @throws NullPointerException if id, site or role is null */
  public BaselineLesion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(role, "role");
  }

  /** The organ for the two-targets-per-organ rule ({@link LesionSite#organ(String)}). */
  public String organ() {
    return site.organ(siteText);
  }

  /** The site in words: the text of an "other" site, else the label followed by the text when there is one. */
  public String siteName() {
    if (siteText == null || siteText.isBlank()) {
      return site.label();
    }
    return site == LesionSite.OTHER ? siteText.trim() : site.label() + ", " + siteText.trim();
  }
}
