package org.oligotrial.design;

import java.util.Locale;

/**
 * An error-spending function \( f(t) \): the part of a total error probability \( \alpha \) (or \( \beta \)) spent
 * by information rate \( t \in [0, 1] \); increasing, \( f(0) = 0 \), \( f(1) = \alpha \). The four families of
 * rpact's {@code typeOfDesign} ({@code "asOF"}, {@code "asP"}, {@code "asHSD"}, {@code "asKD"}) and of its
 * {@code typeBetaSpending} ({@code "bsOF"}, ...), with rpact's formulas:
 * <ul>
 *   <li>O'Brien-Fleming type (Lan and DeMets 1983): \( f(t) = 2s\,(1 - \Phi(\Phi^{-1}(1 - \alpha/(2s))/\sqrt t)) \)
 *       where \( s \) is 1 for a one-sided and 2 for a two-sided \( \alpha \) (1 for \( \beta \));
 *   <li>Pocock type (Lan and DeMets 1983): \( f(t) = \alpha \log(1 + (e - 1)t) \);
 *   <li>Hwang, Shih and DeCani (1990): \( f(t) = \alpha (1 - e^{-\gamma t})/(1 - e^{-\gamma}) \), and \( \alpha t \)
 *       for \( \gamma = 0 \);
 *   <li>Kim and DeMets (1987) power family: \( f(t) = \alpha t^{\rho} \), \( \rho &gt; 0 \).
 * </ul>
 *
 * <h2>References</h2>
 * <ol>
 *   <li>Lan KKG, DeMets DL. Discrete sequential boundaries for clinical trials. Biometrika 1983;70:659-663.
 *       doi:10.1093/biomet/70.3.659
 *   <li>Hwang IK, Shih WJ, DeCani JS. Group sequential designs using a family of type I error probability spending
 *       functions. Stat Med 1990;9:1439-1445. doi:10.1002/sim.4780091207
 *   <li>Kim K, DeMets DL. Design and analysis of group sequential tests based on the type I error spending rate
 *       function. Biometrika 1987;74:149-154. doi:10.1093/biomet/74.1.149
 * </ol>
 */
public sealed interface SpendingFunction {

  /**
   * The cumulative error spent by rate {@code t}: {@code total} at {@code t >= 1}, 0 at {@code t <= 0}.
   *
   * @param sides 2 when {@code total} is a two-sided alpha (changes only the O'Brien-Fleming type)
   */
  double spent(double total, double t, int sides);

  /** The short name used on the command line and in the protocol file ({@code of}, {@code hsd:-4}, ...). */
  String label();

  /** O'Brien-Fleming type. */
  record OBrienFleming() implements SpendingFunction {
    @Override
    public double spent(double total, double t, int sides) {
      if (t >= 1) {
        return total;
      }
      if (t <= 0) {
        return 0;
      }
      return 2 * sides * Normal.upper(-Normal.quantile(total / (2 * sides)) / Math.sqrt(t));
    }

    @Override
    public String label() {
      return "of";
    }
  }

  /** Pocock type. */
  record Pocock() implements SpendingFunction {
    @Override
    public double spent(double total, double t, int sides) {
      if (t >= 1) {
        return total;
      }
      return t <= 0 ? 0 : total * Math.log(1 + (Math.E - 1) * t);
    }

    @Override
    public String label() {
      return "pocock";
    }
  }

  /** Hwang-Shih-DeCani with parameter {@code gamma} (negative: conservative early, -4 near O'Brien-Fleming). */
  record HwangShihDeCani(double gamma) implements SpendingFunction {
    public HwangShihDeCani {
      if (!(Double.isFinite(gamma) && Math.abs(gamma) <= 40)) {
        throw new IllegalArgumentException("gamma of the Hwang-Shih-DeCani family must be from -40 to 40, got "
            + gamma);
      }
    }

    @Override
    public double spent(double total, double t, int sides) {
      if (t >= 1) {
        return total;
      }
      if (t <= 0) {
        return 0;
      }
      return gamma == 0 ? total * t : total * Math.expm1(-gamma * t) / Math.expm1(-gamma);
    }

    @Override
    public String label() {
      return "hsd:" + num(gamma);
    }
  }

  /** Kim-DeMets power family with exponent {@code rho} (3 near O'Brien-Fleming, 1 near Pocock). */
  record KimDeMets(double rho) implements SpendingFunction {
    public KimDeMets {
      if (!(Double.isFinite(rho) && rho > 0 && rho <= 50)) {
        throw new IllegalArgumentException("rho of the Kim-DeMets family must be positive (at most 50), got " + rho);
      }
    }

    @Override
    public double spent(double total, double t, int sides) {
      if (t >= 1) {
        return total;
      }
      return t <= 0 ? 0 : total * Math.pow(t, rho);
    }

    @Override
    public String label() {
      return "kd:" + num(rho);
    }
  }

  /**
   * Reads {@code of}, {@code pocock}, {@code hsd:GAMMA} or {@code kd:RHO}.
   *
   * @throws IllegalArgumentException naming the accepted forms
   */
  static SpendingFunction parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    try {
      if (s.equals("of")) {
        return new OBrienFleming();
      }
      if (s.equals("pocock")) {
        return new Pocock();
      }
      if (s.startsWith("hsd:")) {
        return new HwangShihDeCani(Double.parseDouble(s.substring(4)));
      }
      if (s.startsWith("kd:")) {
        return new KimDeMets(Double.parseDouble(s.substring(3)));
      }
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the parameter of '" + text + "' is not a number");
    }
    throw new IllegalArgumentException("unknown spending function '" + text + "' (of, pocock, hsd:GAMMA, kd:RHO)");
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
