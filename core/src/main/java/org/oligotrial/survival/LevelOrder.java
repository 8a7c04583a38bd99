package org.oligotrial.survival;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one order of the levels of a grouping or categorical variable, used by every analysis (Kaplan-Meier groups,
 * log-rank groups and strata, restricted mean groups, Cox categorical covariates and their reference level): the
 * order R's {@code factor()} gives.
 *
 * <ul>
 *   <li>When every level is a decimal number ({@code 30}, {@code -1.5}, {@code 1e3}), the levels are ordered by value,
 *       as {@code factor()} orders a numeric column: {@code 30 < 40 < 100}, so the reference level of
 *       {@code pat.karno} is 30, the smallest number.
 *   <li>Otherwise they are ordered as text by {@link String#compareTo} (Unicode code points), as {@code factor()}
 *       orders a character column in the C collation. R in another locale orders letters of different case
 *       differently ({@code "b" < "C"} there, {@code "C" < "b"} here); name the level with {@code --ref} when that
 *       matters.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class LevelOrder {

  private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

  private LevelOrder() {}

  /** Whether {@code label} is a decimal number in the sense above. */
  public static boolean isNumber(String label) {
    return NUMBER.matcher(label).matches() && Double.isFinite(Double.parseDouble(label));
  }

  /** Whether every label is a number, so that they are ordered by value. */
  public static boolean allNumbers(Collection<String> labels) {
    for (String l : labels) {
      if (!isNumber(l)) {
        return false;
      }
    }
    return true;
  }

  /** The comparator for this set of labels: by value when all are numbers (ties by text), otherwise by text. */
  public static Comparator<String> comparator(Collection<String> labels) {
    if (allNumbers(labels)) {
      return Comparator.comparingDouble((String s) -> Double.parseDouble(s)).thenComparing(Comparator.naturalOrder());
    }
    return Comparator.naturalOrder();
  }

  /** The distinct labels, sorted. */
  public static List<String> sort(Collection<String> distinct) {
    List<String> out = new ArrayList<>(distinct);
    out.sort(comparator(distinct));
    return out;
  }
}
