package org.oligotrial.recist;

/** What a reader records for one non-target lesion at a follow-up assessment. */
public enum NonTargetStatus {
  /** Still there (for a node: still pathological, short axis 10 mm or more). */
  PRESENT("present"),
  /** Disappeared (for a node: normal size, short axis below 10 mm). */
  ABSENT("absent"),
  /** Unequivocal progression of existing non-target disease. */
  PROGRESSION("progression"),
  /** Not assessed at this time point. */
  NOT_EVALUATED("not-evaluated");

  private final String label;

  NonTargetStatus(String label) {
    this.label = label;
  }

  /** The word used in the JSON input. */
  public String label() {
    return label;
  }

  /** @return the status for an input word (ignoring case; "not evaluated" and "NE" also accepted), or null */
  public static NonTargetStatus fromLabel(String label) {
    if (label == null) {
      return null;
    }
    String l = label.trim().toLowerCase(java.util.Locale.ROOT);
    if (l.equals("not evaluated") || l.equals("ne")) {
      return NOT_EVALUATED;
    }
    for (NonTargetStatus s : values()) {
      if (s.label.equals(l)) {
        return s;
      }
    }
    return null;
  }
}
