package org.oligotrial.design;

/**
 * How the efficacy (rejection) bounds of a group-sequential design are found: by spending alpha with a
 * {@link SpendingFunction} at the information rates (Lan and DeMets 1983), or as a classical boundary of a fixed shape
 * scaled so that the whole design has level alpha.
 */
public sealed interface EfficacyBoundary {

  /** Short name for the command line and the protocol file. */
  String label();

  /** Lan-DeMets alpha spending with {@code function} (rpact {@code typeOfDesign = "asOF"} and so on). */
  record Spending(SpendingFunction function) implements EfficacyBoundary {
    @Override
    public String label() {
      return function.label();
    }
  }

  /**
   * A classical boundary of Wang and Tsiatis (1987) shape \( c_k = C\, t_k^{\Delta - 1/2} \), \( C \) chosen so that
   * the level is alpha: O'Brien and Fleming (1979), \( \Delta = 0 \), and Pocock (1977), \( \Delta = 1/2 \) (rpact
   * {@code "OF"}, {@code "P"}).
   */
  record Classical(Shape shape) implements EfficacyBoundary {
    @Override
    public String label() {
      return shape == Shape.OBRIEN_FLEMING ? "classical-of" : "classical-pocock";
    }
  }

  /** The classical shapes with their Wang-Tsiatis parameter. */
  enum Shape {
    OBRIEN_FLEMING(0),
    POCOCK(0.5);

    final double delta;

    Shape(double delta) {
      this.delta = delta;
    }
  }

  /**
   * Reads {@code of|pocock|hsd:GAMMA|kd:RHO|classical-of|classical-pocock}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static EfficacyBoundary parse(String text) {
    String s = text.trim().toLowerCase(java.util.Locale.ROOT);
    if (s.equals("classical-of")) {
      return new Classical(Shape.OBRIEN_FLEMING);
    }
    if (s.equals("classical-pocock")) {
      return new Classical(Shape.POCOCK);
    }
    try {
      return new Spending(SpendingFunction.parse(s));
    } catch (IllegalArgumentException e) {
      if (e.getMessage().startsWith("unknown")) {
        throw new IllegalArgumentException("unknown spending '" + text
            + "' (of, pocock, hsd:GAMMA, kd:RHO, classical-of, classical-pocock)");
      }
      throw e;
    }
  }
}
