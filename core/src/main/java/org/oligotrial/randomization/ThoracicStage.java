package org.oligotrial.randomization;

import java.util.Locale;
import java.util.Objects;
import org.oligotrial.treatment.RandomizationBlockedException;

/**
 * The local (thoracic) stage used as a stratification factor: the AJCC/UICC 8th edition stage group of the primary
 * tumour's T and regional N category with M0 assumed, collapsed to I/II versus III.
 *
 * <p>Mapping (AJCC 8th edition lung stage groups for M0):
 *
 * <ul>
 *   <li>III: any N2 or N3 (IIIA-IIIC whatever the T); T4 with N0 or N1 (IIIA); T3 with N1 (IIIB is T3N2, also III).
 *   <li>I/II: T1 (T1mi, T1a-c) and T2 (T2a, T2b) with N0 or N1 (IA-IIB); T3N0 (IIB); Tis and T0 with N0 or N1
 *       (stage 0 and occult primaries, grouped with the lower stages).
 *   <li>Not derivable, so randomization is blocked: TX with N0, N1 or NX; NX with T0-T3.
 * </ul>
 *
 * <p>Accepted spellings: an optional {@code c}, {@code p} or {@code y} prefix, case-insensitive; T in {TX, T0, Tis,
 * T1, T1mi, T1a, T1b, T1c, T2, T2a, T2b, T3, T4}; N in {NX, N0, N1, N2, N3}.
 *
 * <p>Reference: Amin MB, et al., eds. AJCC Cancer Staging Manual. 8th ed. Springer; 2017.
 * doi:10.1007/978-3-319-40618-3
 */
public enum ThoracicStage {
  I_II("I-II"),
  III("III");

  private final String level;

  ThoracicStage(String level) {
    this.level = level;
  }

  /** The level name in {@link TrialFactors#THORACIC_STAGE}. */
  public String level() {
    return level;
  }

  /**
   * The thoracic stage of {@code t} and {@code n}.
   *
   * @throws IllegalArgumentException when a category is not one of the accepted spellings
   * @throws RandomizationBlockedException when the stage cannot be told from the categories (TX or NX)
   */
  public static ThoracicStage of(String t, String n) {
    String tt = normalise(t, "T");
    String nn = normalise(n, "N");
    if (!tt.matches("TX|T0|TIS|T1|T1MI|T1A|T1B|T1C|T2|T2A|T2B|T3|T4")) {
      throw new IllegalArgumentException("T category '" + t + "' is not an AJCC 8th edition T category (TX, T0, Tis, T1mi, T1a-c, T2a-b, T3, T4)");
    }
    if (!nn.matches("NX|N0|N1|N2|N3")) {
      throw new IllegalArgumentException("N category '" + n + "' is not an AJCC 8th edition N category (NX, N0-N3)");
    }
    if (nn.equals("N2") || nn.equals("N3") || tt.equals("T4")) {
      return III;
    }
    if (tt.equals("TX") || nn.equals("NX")) {
      throw new RandomizationBlockedException(
          "thoracic stage cannot be derived from " + t + " " + n + ": record the T and N categories");
    }
    if (tt.equals("T3")) {
      return nn.equals("N1") ? III : I_II;
    }
    return I_II;
  }

  private static String normalise(String category, String letter) {
    Objects.requireNonNull(category, letter + " category");
    String s = category.trim().toUpperCase(Locale.ROOT);
    if (s.length() > 1 && (s.startsWith("C") || s.startsWith("P") || s.startsWith("Y")) && s.charAt(1) == letter.charAt(0)) {
      s = s.substring(1);
    }
    return s;
  }
}
