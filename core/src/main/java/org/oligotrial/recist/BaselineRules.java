package org.oligotrial.recist;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The RECIST 1.1 baseline rules (Eisenhauer et al. 2009, sections 3.1, 3.2 and 4.2, Appendix II;
 * doi:10.1016/j.ejca.2008.10.026), checked lesion by lesion so that each finding can be shown at the row it concerns.
 * Rule codes (the {@link BaselineFinding#rule()} of each finding):
 *
 * <ul>
 *   <li>{@code no-lesion}: the baseline records no lesion at all (RECIST needs at least one);
 *   <li>{@code duplicate-id}: two lesions share an id;
 *   <li>{@code site-text}: an "other" site without its text;
 *   <li>{@code nodal-site}: a lymph node station recorded as not nodal, or a coded organ site recorded as a node;
 *   <li>{@code measure-missing}: a target lesion without its measure or imaging method;
 *   <li>{@code implausible-measure}: a measure above 1000 mm (a unit slip);
 *   <li>{@code measurability}: a non-nodal target smaller than the smallest measurable lesion: {@code max(10 mm,
 *       2 x slice thickness)} on CT, MRI or PET-CT (slices of 5 mm or less when not recorded), 20 mm on X-ray;
 *   <li>{@code node-target-size}: a nodal target whose short axis is below {@code max(15 mm, 2 x slice thickness)};
 *       a node of 10 mm up to 15 mm is pathological but not measurable (a non-target lesion);
 *   <li>{@code node-normal}: any node, target or not, with a short axis below 10 mm: a normal node, not a lesion;
 *   <li>{@code max-targets}: a sixth (or later) target lesion, in the order listed;
 *   <li>{@code max-per-organ}: a third (or later) target lesion in one organ ({@link LesionSite#organ(String)});
 *   <li>{@code primary}: the primary thoracic tumour recorded twice, or at a site other than the lung (or "other");
 *   <li>{@code x-ray-site} (warning): a target measured on X-ray outside the lung; X-ray measures only lung lesions
 *       clearly surrounded by aerated lung.
 * </ul>
 *
 * Every rule but {@code x-ray-site} is an error: the baseline is not evaluated while one remains. Thresholds hold at
 * their value (a non-nodal lesion of exactly 10 mm on 5 mm slices is measurable; a node of exactly 15 mm is a
 * target, one of exactly 10 mm is pathological). Stateless and thread-safe.
 */
public final class BaselineRules {
  /** At most five target lesions in total (section 4.2). */
  public static final int MAX_TARGETS = 5;
  /** At most two target lesions per organ (section 4.2). */
  public static final int MAX_TARGETS_PER_ORGAN = 2;

  static final BigDecimal TEN = BigDecimal.TEN;
  static final BigDecimal FIFTEEN = new BigDecimal("15");
  static final BigDecimal TWENTY = new BigDecimal("20");
  static final BigDecimal TWO = new BigDecimal("2");

  private BaselineRules() {}

  /**
   * Checks a baseline.
   *
   * @param lesions the baseline lesions in the order listed (targets are counted in this order)
   * @return the findings, in lesion order, empty when the baseline follows RECIST 1.1
   * @throws NullPointerException if the list or an element is null
   */
  public static List<BaselineFinding> check(List<BaselineLesion> lesions) {
    List<BaselineFinding> out = new ArrayList<>();
    if (lesions.isEmpty()) {
      out.add(error(null, "no-lesion", "No lesion recorded at baseline: RECIST 1.1 needs at least one target or "
          + "non-target lesion."));
      return out;
    }
    Set<String> ids = new HashSet<>();
    Map<String, Integer> perOrgan = new HashMap<>();
    int targets = 0;
    String primary = null;
    for (BaselineLesion l : lesions) {
      String id = l.id();
      String name = id + " (" + l.siteName() + ")";
      if (!ids.add(id)) {
        out.add(error(id, "duplicate-id", id + ": the id is used by another lesion; each lesion needs its own id."));
      }
      if (l.site() == LesionSite.OTHER && (l.siteText() == null || l.siteText().isBlank())) {
        out.add(error(id, "site-text", id + ": site \"other\" needs the site in words (e.g. spleen)."));
      }
      if (l.site().node() && !l.nodal()) {
        out.add(error(id, "nodal-site", name + ": a lymph node station, so the lesion is nodal and is measured by "
            + "its short axis."));
      } else if (l.nodal() && !l.site().node() && l.site() != LesionSite.OTHER) {
        out.add(error(id, "nodal-site", name + ": recorded as a lymph node at an organ site; choose the node "
            + "station (mediastinal, hilar or other node) or record it as not nodal."));
      }
      if (l.role() == LesionRole.PRIMARY) {
        if (primary != null) {
          out.add(error(id, "primary", name + ": " + primary + " is already the primary thoracic tumour; a "
              + "participant has one primary tumour."));
        } else {
          primary = id;
        }
        if (l.site() != LesionSite.LUNG && l.site() != LesionSite.OTHER || l.nodal()) {
          out.add(error(id, "primary", name + ": the primary thoracic tumour is a lung lesion; nodal disease and "
              + "metastases are \"other\" or \"oligometastatic\"."));
        }
      }
      BigDecimal mm = l.mm();
      if (mm != null && mm.compareTo(RecistRules.MAX_MM) > 0) {
        out.add(error(id, "implausible-measure", name + ": " + mm.toPlainString() + " mm is more than "
            + RecistRules.MAX_MM + " mm; check the unit (millimetres)."));
        continue;
      }
      if (mm != null && mm.signum() < 0) {
        out.add(error(id, "implausible-measure", name + ": a measure cannot be negative."));
        continue;
      }
      if (l.nodal() && mm != null && mm.compareTo(TEN) < 0) {
        out.add(error(id, "node-normal", name + ": short axis " + mm.toPlainString() + " mm is below 10 mm, a "
            + "normal node; it is not a lesion and is not recorded."));
        continue;
      }
      if (!l.target()) {
        continue;
      }
      targets++;
      if (targets > MAX_TARGETS) {
        out.add(error(id, "max-targets", name + ": target lesion number " + targets + "; RECIST 1.1 allows at most "
            + MAX_TARGETS + " target lesions in total. Record it as a non-target lesion."));
      }
      int inOrgan = perOrgan.merge(l.organ(), 1, Integer::sum);
      if (inOrgan > MAX_TARGETS_PER_ORGAN) {
        out.add(error(id, "max-per-organ", name + ": a " + ordinal(inOrgan) + " target lesion in the "
            + organName(l) + "; RECIST 1.1 allows at most two target lesions per organ. Record it as a "
            + "non-target lesion."));
      }
      if (mm == null || l.method() == null) {
        out.add(error(id, "measure-missing", name + ": a target lesion needs its "
            + (mm == null ? (l.nodal() ? "short axis" : "longest diameter") + " in mm" : "imaging method")
            + (mm == null && l.method() == null ? " and imaging method" : "") + "."));
        continue;
      }
      BigDecimal min = minimumMeasurable(l);
      if (l.nodal()) {
        if (mm.compareTo(min) < 0) {
          out.add(error(id, "node-target-size", name + ": short axis " + mm.toPlainString() + " mm is below the "
              + min.toPlainString() + " mm a target node needs" + sliceNote(l, FIFTEEN) + "; a node of 10 mm or "
              + "more is pathological but not measurable. Record it as a non-target lesion."));
        }
      } else if (mm.compareTo(min) < 0) {
        out.add(error(id, "measurability", name + ": longest diameter " + mm.toPlainString() + " mm is below "
            + min.toPlainString() + " mm, the smallest measurable lesion on " + l.method().code()
            + sliceNote(l, TEN) + ". Not measurable: record it as a non-target lesion."));
      }
      if (l.method() == ImagingMethod.X_RAY && l.site() != LesionSite.LUNG
          && l.site() != LesionSite.CONTRALATERAL_LUNG) {
        out.add(new BaselineFinding(id, "x-ray-site", BaselineFinding.Severity.WARNING, name + ": X-ray measures "
            + "only lung lesions clearly surrounded by aerated lung; measure this lesion on CT."));
      }
    }
    return out;
  }

  /**
   * The smallest measurable size of a target lesion: for a node {@code max(15, 2 s)} mm, otherwise 20 mm on X-ray
   * and {@code max(10, 2 s)} mm on CT, MRI and PET-CT, with {@code s} the slice thickness (0 when not recorded).
   *
   * @throws NullPointerException if the lesion has no method and is not nodal
   */
  public static BigDecimal minimumMeasurable(BaselineLesion l) {
    BigDecimal twoSlices = l.sliceThicknessMm() == null || l.method() == ImagingMethod.X_RAY
        ? BigDecimal.ZERO
        : l.sliceThicknessMm().multiply(TWO);
    if (l.nodal()) {
      return twoSlices.max(FIFTEEN);
    }
    if (l.method() == ImagingMethod.X_RAY) {
      return TWENTY;
    }
    return twoSlices.max(TEN);
  }

  private static String sliceNote(BaselineLesion l, BigDecimal floor) {
    if (l.method() == ImagingMethod.X_RAY) {
      return "";
    }
    if (l.sliceThicknessMm() == null) {
      return " with slices of 5 mm or less";
    }
    String s = l.sliceThicknessMm().stripTrailingZeros().toPlainString();
    return l.sliceThicknessMm().multiply(TWO).compareTo(floor) > 0
        ? " with " + s + " mm slices (twice the slice thickness)"
        : " with " + s + " mm slices";
  }

  private static String organName(BaselineLesion l) {
    String organ = l.organ();
    return organ.startsWith("other: ") ? organ.substring(7) : organ.equals("lung") ? "lungs" : organ;
  }

  private static String ordinal(int n) {
    return switch (n) {
      case 3 -> "third";
      case 4 -> "fourth";
      case 5 -> "fifth";
      default -> n + "th";
    };
  }

  private static BaselineFinding error(String id, String rule, String message) {
    return new BaselineFinding(id, rule, BaselineFinding.Severity.ERROR, message);
  }
}
