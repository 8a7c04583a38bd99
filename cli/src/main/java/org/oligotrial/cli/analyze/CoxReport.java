package org.oligotrial.cli.analyze;

import java.util.List;
import java.util.Locale;
import org.oligotrial.survival.cox.ChiSquareTest;
import org.oligotrial.survival.cox.CovariateCoding;
import org.oligotrial.survival.cox.CoxCoefficient;
import org.oligotrial.survival.cox.CoxFit;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The printed forms of a Cox fit: a table rounded for reading, and JSON with full precision (NaN, e.g. an aliased
 * coefficient, as null).
 */
record CoxReport(
    CoxFit fit, int nDropped, String strata, List<CovariateCoding.Coding> codings, double elapsedMillis) {

  String table() {
    StringBuilder sb = new StringBuilder();
    String nl = System.lineSeparator();
    sb.append("Cox proportional hazards model (").append(fit.ties().name().toLowerCase(Locale.ROOT))
        .append(" ties)").append(nl);
    sb.append("n = ").append(fit.n()).append(", events = ").append(fit.events());
    if (nDropped > 0) {
      sb.append(" (").append(nDropped).append(nDropped == 1 ? " row" : " rows")
          .append(" dropped for missing values)");
    }
    sb.append(nl);
    if (strata != null) {
      sb.append("Stratified by ").append(strata).append(nl);
    }
    for (CovariateCoding.Coding c : codings) {
      if (c.categorical()) {
        sb.append(c.name()).append(": categorical, reference level '").append(c.reference()).append("'")
            .append(nl);
      }
    }
    sb.append(nl);
    int w = Math.max(9, fit.coefficients().stream().mapToInt(c -> c.name().length()).max().orElse(0));
    sb.append(String.format(Locale.ROOT, "%-" + w + "s %10s %8s %8s %8s %10s   %s%n", "covariate", "coef", "HR",
        "se", "z", "p", "95% CI of HR"));
    for (CoxCoefficient c : fit.coefficients()) {
      if (c.aliased()) {
        sb.append(String.format(Locale.ROOT, "%-" + w + "s %10s   (collinear: not estimable)%n", c.name(), "NA"));
        continue;
      }
      sb.append(String.format(Locale.ROOT, "%-" + w + "s %10.5g %8s %8s %8s %10s   %s - %s%n", c.name(),
          c.coef(), g4(c.hazardRatio()), g4(c.se()), Numbers.fixed(c.z(), 3), p(c.p()), g4(c.lower()), g4(c.upper())));
    }
    sb.append(nl);
    sb.append(test("Likelihood ratio test", fit.likelihoodRatio()));
    sb.append(test("Wald test            ", fit.wald()));
    sb.append(test("Score (log-rank) test", fit.score()));
    double c = fit.concordance().value();
    sb.append("Concordance = ").append(Double.isNaN(c) ? "NA" : String.format(Locale.ROOT, "%.4f", c)).append(nl);
    sb.append(String.format(Locale.ROOT, "Log-likelihood: null %.4f, model %.4f; %d iterations%s%n",
        fit.logLikNull(), fit.logLik(), fit.iterations(), fit.converged() ? "" : " (not converged)"));
    return sb.toString();
  }

  private static String test(String label, ChiSquareTest t) {
    String chisq = Double.isNaN(t.chisq()) ? "NA" : String.format(Locale.ROOT, "%.2f", t.chisq());
    return String.format(Locale.ROOT, "%s = %s on %d df, p = %s%n", label, chisq, t.df(), p(t.p()));
  }

  /** Four significant digits; an overflowed limit (a monotone likelihood) as R prints it, Inf, and NaN as NA. */
  private static String g4(double v) {
    if (Double.isNaN(v)) {
      return "NA";
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "Inf" : "-Inf";
    }
    return String.format(Locale.ROOT, "%.4g", v);
  }

  private static String p(double p) {
    if (Double.isNaN(p)) {
      return "NA";
    }
    return p < 1e-4 ? String.format(Locale.ROOT, "%.2e", p) : String.format(Locale.ROOT, "%.4f", p);
  }

  String json() {
    JsonMapper mapper = JsonMapper.builder().build();
    ObjectNode root = mapper.createObjectNode();
    root.put("n", fit.n());
    root.put("events", fit.events());
    root.put("nDropped", nDropped);
    root.put("ties", fit.ties().name().toLowerCase(Locale.ROOT));
    if (strata == null) {
      root.putNull("strata");
    } else {
      root.put("strata", strata);
    }
    ArrayNode coefs = root.putArray("coefficients");
    for (CoxCoefficient c : fit.coefficients()) {
      ObjectNode o = coefs.addObject();
      o.put("name", c.name());
      num(o, "coef", c.coef());
      num(o, "hr", c.hazardRatio());
      num(o, "se", c.se());
      num(o, "z", c.z());
      num(o, "p", c.p());
      num(o, "lower", c.lower());
      num(o, "upper", c.upper());
    }
    ArrayNode cat = root.putArray("categorical");
    for (CovariateCoding.Coding c : codings) {
      if (c.categorical()) {
        ObjectNode o = cat.addObject();
        o.put("column", c.name());
        o.put("reference", c.reference());
        ArrayNode levels = o.putArray("levels");
        c.levels().forEach(levels::add);
      }
    }
    num(root, "logLikNull", fit.logLikNull());
    num(root, "logLik", fit.logLik());
    test(root.putObject("lrTest"), fit.likelihoodRatio());
    test(root.putObject("waldTest"), fit.wald());
    test(root.putObject("scoreTest"), fit.score());
    num(root, "concordance", fit.concordance().value());
    root.put("iterations", fit.iterations());
    root.put("converged", fit.converged());
    ArrayNode warnings = root.putArray("warnings");
    fit.warnings().forEach(warnings::add);
    root.put("elapsedMillis", elapsedMillis);
    return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + System.lineSeparator();
  }

  private static void test(ObjectNode o, ChiSquareTest t) {
    num(o, "chisq", t.chisq());
    o.put("df", t.df());
    num(o, "p", t.p());
  }

  private static void num(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }
}
