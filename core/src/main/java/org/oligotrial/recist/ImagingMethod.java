package org.oligotrial.recist;

import java.util.Locale;

/**
 * How a lesion was measured. RECIST 1.1 section 3.1.1 sets the smallest measurable lesion by method: 10 mm on CT or
 * MRI (or twice the slice thickness when slices are thicker than 5 mm, Appendix II), 20 mm on a chest X-ray. The CT
 * of a PET-CT counts as CT when it is of diagnostic quality.
 */
public enum ImagingMethod {
  CT("CT"),
  MRI("MRI"),
  PET_CT("PET-CT"),
  X_RAY("X-ray");

  private final String code;

  ImagingMethod(String code) {
    this.code = code;
  }

  /** The word used in JSON and reports. */
  public String code() {
    return code;
  }

  /** @return the method for a code (ignoring case and surrounding spaces; {@code xray} and {@code PET/CT} too), or null */
  public static ImagingMethod fromCode(String code) {
    if (code == null) {
      return null;
    }
    String c = code.trim().toUpperCase(Locale.ROOT).replace('/', '-').replace('_', '-');
    if (c.equals("XRAY") || c.equals("CXR")) {
      return X_RAY;
    }
    for (ImagingMethod m : values()) {
      if (m.code.toUpperCase(Locale.ROOT).equals(c)) {
        return m;
      }
    }
    return null;
  }

  /** The codes in order, for messages. */
  public static java.util.List<String> codes() {
    return java.util.Arrays.stream(values()).map(ImagingMethod::code).toList();
  }
}
