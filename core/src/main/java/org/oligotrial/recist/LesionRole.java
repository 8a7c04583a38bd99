package org.oligotrial.recist;

import java.util.Locale;

/**
 * What a baseline lesion is for the trial's endpoints: the primary thoracic tumour (local control), a baseline
 * oligometastatic focus (oligometastatic-foci control), or anything else (regional nodes, non-oligometastatic
 * disease). The role does not change the RECIST response; it tells the endpoints where progression happened.
 */
public enum LesionRole {
  PRIMARY("primary", "primary thoracic tumour"),
  OLIGOMETASTATIC("oligometastatic", "baseline oligometastatic focus"),
  OTHER("other", "other lesion");

  private final String code;
  private final String label;

  LesionRole(String code, String label) {
    this.code = code;
    this.label = label;
  }

  /** The word used in JSON. */
  public String code() {
    return code;
  }

  /** The role in words. */
  public String label() {
    return label;
  }

  /** @return the role for a code (ignoring case and surrounding spaces), or null */
  public static LesionRole fromCode(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toLowerCase(Locale.ROOT);
    for (LesionRole r : values()) {
      if (r.code.equals(c)) {
        return r;
      }
    }
    return null;
  }
}
