package org.oligotrial.recist;

import java.util.Objects;

/**
 * A new lesion seen at a follow-up assessment. A lesion seen again at a later assessment keeps its id (the follow-up
 * form is pre-filled with the new lesions recorded before), so that an equivocal lesion confirmed later dates
 * progression back to the scan where it was first seen (RECIST 1.1 section 4.3.2).
 *
 * @param id new-lesion id, {@code NL1..} ({@link LesionIds})
 * @param site the coded site
 * @param siteText the site in words for {@link LesionSite#OTHER} (required then), else null or a precision
 * @param equivocal true when the reader is not sure it is a new lesion (e.g. too small, or possibly benign)
 */
public record NewLesion(String id, LesionSite site, String siteText, boolean equivocal) {
  /** @throws NullPointerException if id or site is null */
  public NewLesion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
  }

  /** The site in words: the text of an "other" site, else the label followed by the text when there is one. */
  public String siteName() {
    if (siteText == null || siteText.isBlank()) {
      return site.label();
    }
    return site == LesionSite.OTHER ? siteText.trim() : site.label() + ", " + siteText.trim();
  }
}
