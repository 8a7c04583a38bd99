package org.oligotrial.recist;

/**
 * Whether new lesions were seen at a follow-up assessment. An equivocal finding is not progression yet; if a later
 * assessment confirms it, progression is dated at the first equivocal scan (RECIST 1.1 section 4.3.2).
 */
public enum NewLesions {
  NO("no"),
  YES("yes"),
  EQUIVOCAL("equivocal");

  private final String label;

  NewLesions(String label) {
    this.label = label;
  }

  /** The word used in the JSON input and output. */
  public String label() {
    return label;
  }

  /** @return the value for an input word (ignoring case and surrounding spaces), or null */
  public static NewLesions fromLabel(String label) {
    if (label == null) {
      return null;
    }
    String l = label.trim().toLowerCase(java.util.Locale.ROOT);
    for (NewLesions n : values()) {
      if (n.label.equals(l)) {
        return n;
      }
    }
    return null;
  }
}
