package org.oligotrial.eligibility;

import java.util.Collection;

/** The leaves met while evaluating one rule, with their outcomes; reused across the criteria of one evaluation. */
final class Trace {
  private Check.Leaf[] leaves = new Check.Leaf[8];
  private int[] outcomes = new int[8];
  private boolean[] negated = new boolean[8];
  private int size;

  void reset() {
    size = 0;
  }

  void add(Check.Leaf leaf, int outcome, boolean neg) {
    if (size == leaves.length) {
      leaves = java.util.Arrays.copyOf(leaves, size * 2);
      outcomes = java.util.Arrays.copyOf(outcomes, size * 2);
      negated = java.util.Arrays.copyOf(negated, size * 2);
    }
    leaves[size] = leaf;
    outcomes[size] = outcome;
    negated[size] = neg;
    size++;
  }

  /**
   * The descriptions of the leaves that decided {@code overall}: when it is unknown, the unknown leaves; otherwise
   * those whose outcome (seen through any {@code not}) equals it.
   */
  String decisive(ScreeningRecord r, int overall) {
    StringBuilder sb = new StringBuilder(96);
    for (int i = 0; i < size; i++) {
      int o = outcomes[i];
      int effective = negated[i] ? Check.flip(o) : o;
      if (effective == overall) {
        if (sb.length() > 0) {
          sb.append("; ");
        }
        sb.append(leaves[i].describe(r, o));
      }
    }
    return sb.toString();
  }

  /** Adds the missing field paths of the unknown leaves. */
  void missing(ScreeningRecord r, Collection<String> out) {
    for (int i = 0; i < size; i++) {
      if (outcomes[i] == Check.UNKNOWN) {
        leaves[i].missing(r, out);
      }
    }
  }
}
