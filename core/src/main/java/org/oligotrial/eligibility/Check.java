package org.oligotrial.eligibility;

/**
 * A compiled rule: three-valued ({@link #FALSE}, {@link #TRUE}, {@link #UNKNOWN}). Leaves record themselves in the
 * {@link Trace} so that the reason can name the decisive values afterwards. Immutable; safe to share across threads.
 */
abstract class Check {
  static final int FALSE = 0;
  static final int TRUE = 1;
  static final int UNKNOWN = 2;

  /**
   * Evaluates the rule.
   *
   * @param t where leaves record themselves for the reason, or null on the fast path
   * @param negated whether an odd number of {@code not} lie above this node (for choosing the decisive leaves)
   */
  abstract int eval(ScreeningRecord r, Trace t, boolean negated);

  static int flip(int o) {
    return o == UNKNOWN ? UNKNOWN : 1 - o;
  }

  /** {@code all}: false if any part is false, else unknown if any is unknown, else true. Evaluates every part. */
  static final class All extends Check {
    private final Check[] parts;

    All(Check[] parts) {
      this.parts = parts;
    }

    @Override
    int eval(ScreeningRecord r, Trace t, boolean negated) {
      int res = TRUE;
      for (Check c : parts) {
        int o = c.eval(r, t, negated);
        if (o == FALSE) {
          res = FALSE;
        } else if (o == UNKNOWN && res == TRUE) {
          res = UNKNOWN;
        }
      }
      return res;
    }
  }

  /** {@code any}: true if any part is true, else unknown if any is unknown, else false. Evaluates every part. */
  static final class Any extends Check {
    private final Check[] parts;

    Any(Check[] parts) {
      this.parts = parts;
    }

    @Override
    int eval(ScreeningRecord r, Trace t, boolean negated) {
      int res = FALSE;
      for (Check c : parts) {
        int o = c.eval(r, t, negated);
        if (o == TRUE) {
          res = TRUE;
        } else if (o == UNKNOWN && res == FALSE) {
          res = UNKNOWN;
        }
      }
      return res;
    }
  }

  /** {@code not}. */
  static final class Not extends Check {
    private final Check part;

    Not(Check part) {
      this.part = part;
    }

    @Override
    int eval(ScreeningRecord r, Trace t, boolean negated) {
      return flip(part.eval(r, t, !negated));
    }
  }

  /** A condition on one or a few fields; describes itself and the fields it misses. */
  abstract static class Leaf extends Check {
    @Override
    final int eval(ScreeningRecord r, Trace t, boolean negated) {
      int o = test(r);
      if (t != null) {
        t.add(this, o, negated);
      }
      return o;
    }

    abstract int test(ScreeningRecord r);

    /** The values, any conversion, and the condition, e.g. "WBC 3.2 10^9/L (fails >= 4 10^9/L)". */
    abstract String describe(ScreeningRecord r, int outcome);

    /** Adds the field paths whose absence made the outcome unknown. */
    abstract void missing(ScreeningRecord r, java.util.Collection<String> out);

    static String verdict(int outcome, String condition) {
      return outcome == TRUE ? " (meets " + condition + ")" : " (fails " + condition + ")";
    }
  }
}
