package org.oligotrial.recist;

import java.util.Collection;

/**
 * Lesion ids: {@code T1, T2, ..} for target lesions, {@code N1, N2, ..} for non-target lesions and
 * {@code NL1, NL2, ..} for new lesions found at follow-up. The next id is one more than the highest number already
 * used with that prefix, so deleting a row never reuses the id of a lesion still referred to elsewhere. Stateless.
 */
public final class LesionIds {
  /** Prefix of target lesion ids. */
  public static final String TARGET = "T";
  /** Prefix of non-target lesion ids. */
  public static final String NON_TARGET = "N";
  /** Prefix of new-lesion ids. */
  public static final String NEW = "NL";

  private LesionIds() {}

  /**
   * The next id with a prefix.
   *
   * @param prefix {@link #TARGET}, {@link #NON_TARGET} or {@link #NEW}
   * @param used ids already in use (any prefix; others are ignored)
   * @return e.g. {@code T3} when T1 and T2 are used
   */
  public static String next(String prefix, Collection<String> used) {
    int max = 0;
    for (String id : used) {
      if (id != null && id.startsWith(prefix) && id.length() > prefix.length()) {
        String digits = id.substring(prefix.length());
        if (digits.chars().allMatch(Character::isDigit) && digits.length() < 9) {
          max = Math.max(max, Integer.parseInt(digits));
        }
      }
    }
    return prefix + (max + 1);
  }
}
