package org.oligotrial.treatment;

import java.util.Arrays;

/** The two arms of NCT03119519 with their allocation codes. */
public enum TrialArm {
  /** Experimental: first-line systemic therapy plus local definitive radiotherapy. */
  RT_PLUS("RT+"),
  /** Active comparator: first-line systemic therapy alone. */
  RT_MINUS("RT-");

  private final String code;

  TrialArm(String code) {
    this.code = code;
  }

  /** The code used in allocations, {@code RT+} or {@code RT-}. */
  public String code() {
    return code;
  }

  /**
   * The arm with the given code.
   *
   * @throws IllegalArgumentException when the code is neither {@code RT+} nor {@code RT-}
   */
  public static TrialArm fromCode(String code) {
    return Arrays.stream(values()).filter(a -> a.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no arm '" + code + "' (RT+ or RT-)"));
  }
}
