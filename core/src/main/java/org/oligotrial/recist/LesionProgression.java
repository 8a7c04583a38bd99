package org.oligotrial.recist;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Progression attributed to one lesion at one assessment, from which the endpoints learn where a participant
 * progressed (see {@link TumourEvaluator} for the attribution rules).
 *
 * @param lesionId the lesion ({@code T..}, {@code N..} or {@code NL..})
 * @param newLesion true for a new lesion, false for a baseline lesion
 * @param role the baseline lesion's role; null for a new lesion
 * @param site the lesion's coded site
 * @param siteName the site in words
 * @param date the progression date for this lesion (for a confirmed equivocal new lesion, the scan where it was
 *     first seen)
 * @param reason why, in words, e.g. "T1 (lung): 32 mm, 12 mm (60.0%) above its smallest measure 20 mm"
 */
public record LesionProgression(
    String lesionId, boolean newLesion, LesionRole role, LesionSite site, String siteName, LocalDate date,
    String reason) {
  /** @throws NullPointerException if lesionId, site, siteName, date or reason is null */
  public LesionProgression {
    Objects.requireNonNull(lesionId, "lesionId");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(siteName, "siteName");
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * Whether this is thoracic (primary or regional) progression: the primary tumour, or a lesion at a thoracic site
   * ({@link LesionSite#thoracic()}) that is not a baseline oligometastatic focus.
   */
  public boolean thoracic() {
    return role == LesionRole.PRIMARY || (role != LesionRole.OLIGOMETASTATIC && site.thoracic());
  }
}
