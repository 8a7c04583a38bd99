package org.oligotrial.recist;

import java.util.Locale;

/**
 * Where a lesion lies: the coded list of the trial's tumour assessment forms. The code is the word used in JSON.
 *
 * <p>Two groupings follow from the site:
 *
 * <ul>
 *   <li><b>organ</b>, for the RECIST 1.1 limit of two target lesions per organ: both lungs are one organ (lung and
 *       contralateral lung), all lymph nodes are one organ (mediastinal, hilar and other nodes), as the RECIST
 *       working group answers for paired organs and nodal chains (EORTC RECIST 1.1 questions and clarifications,
 *       "Paired organs" and "Two target lesions": "Nodes are considered to be one organ"); every other coded site
 *       is its own organ, and "other" sites are told apart by their text;
 *   <li><b>thoracic</b> (primary or regional disease: the ipsilateral lung and the mediastinal and hilar nodes), for
 *       thoracic progression. Contralateral lung and pleura are metastatic sites (M1a in AJCC 8th edition), not
 *       thoracic progression.
 * </ul>
 */
public enum LesionSite {
  LUNG("lung", "lung", false, true),
  MEDIASTINAL_NODE("mediastinal-node", "mediastinal lymph node", true, true),
  HILAR_NODE("hilar-node", "hilar lymph node", true, true),
  OTHER_NODE("other-node", "other lymph node", true, false),
  LIVER("liver", "liver", false, false),
  ADRENAL("adrenal", "adrenal gland", false, false),
  BONE("bone", "bone", false, false),
  BRAIN("brain", "brain", false, false),
  PLEURA("pleura", "pleura", false, false),
  CONTRALATERAL_LUNG("contralateral-lung", "contralateral lung", false, false),
  OTHER("other", "other site", false, false);

  private final String code;
  private final String label;
  private final boolean node;
  private final boolean thoracic;

  LesionSite(String code, String label, boolean node, boolean thoracic) {
    this.code = code;
    this.label = label;
    this.node = node;
    this.thoracic = thoracic;
  }

  /** The word used in JSON, e.g. {@code mediastinal-node}. */
  public String code() {
    return code;
  }

  /** The site in words, as a radiologist writes it. */
  public String label() {
    return label;
  }

  /** Whether the site is a lymph node station (a nodal lesion, measured by its short axis). */
  public boolean node() {
    return node;
  }

  /** Whether progression here is thoracic (primary or regional) progression; see the class comment. */
  public boolean thoracic() {
    return thoracic;
  }

  /**
   * The organ for the two-targets-per-organ rule: {@code lung} for both lungs, {@code lymph nodes} for every node
   * station, the code otherwise; for {@link #OTHER} the text, trimmed and in lower case.
   *
   * @param otherText the text of an "other" site (ignored for coded sites)
   */
  public String organ(String otherText) {
    return switch (this) {
      case LUNG, CONTRALATERAL_LUNG -> "lung";
      case MEDIASTINAL_NODE, HILAR_NODE, OTHER_NODE -> "lymph nodes";
      case OTHER -> "other: " + (otherText == null ? "" : otherText.trim().toLowerCase(Locale.ROOT));
      default -> code;
    };
  }

  /** @return the site for a code (ignoring case, surrounding spaces, and blanks or underscores for hyphens), or null */
  public static LesionSite fromCode(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
    for (LesionSite s : values()) {
      if (s.code.equals(c)) {
        return s;
      }
    }
    return null;
  }

  /** The codes in order, for messages. */
  public static java.util.List<String> codes() {
    return java.util.Arrays.stream(values()).map(LesionSite::code).toList();
  }
}
