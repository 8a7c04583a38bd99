package org.oligotrial.protocol;

import java.math.BigDecimal;
import java.util.List;
import org.oligotrial.design.EfficacyBoundary;
import org.oligotrial.design.FutilityRule;
import org.oligotrial.design.GroupSequentialBoundaries;

/**
 * Reads the {@code interimAnalysis} section of a protocol file and checks it: the endpoint exists, the look events
 * are positive whole numbers increasing to the final analysis and no more than the target sample size, the spending
 * function and futility rule are known, and the whole is a design that can be computed.
 */
final class InterimAnalysisReader {
  private final Problems p;

  InterimAnalysisReader(Problems p) {
    this.p = p;
  }

  InterimAnalysisPlan read(YamlNode root, List<Endpoint> endpoints, List<ProtocolNote> notes, Integer sampleSize) {
    YamlNode ia = p.child(root, "interimAnalysis", false);
    if (ia == null || !p.requireMap(ia)) {
      return null;
    }
    int before = p.errors.size();
    p.onlyKeys(ia, "endpoint", "looks", "alpha", "sides", "power", "hazardRatio", "spending", "futility", "binding",
        "notes");
    String endpoint = p.text(ia, "endpoint", true);
    if (endpoint != null && endpoints.stream().noneMatch(e -> e.id().equals(endpoint))) {
      p.error(ia.map.get("endpoint"), "no endpoint '" + endpoint + "'");
    }
    List<Integer> looks = p.integers(ia, "looks", true);
    YamlNode looksNode = ia.map.get("looks");
    if (looksNode != null && looksNode.isList()) {
      for (int i = 0; i < looksNode.list.size(); i++) {
        YamlNode l = looksNode.list.get(i);
        BigDecimal d = l.isNumber() ? new BigDecimal(l.text) : null;
        if (d != null && (d.signum() <= 0 || d.stripTrailingZeros().scale() > 0)) {
          p.error(l, "look events must be positive whole numbers, found " + l.text);
        } else if (i > 0 && d != null && looks.size() == looksNode.list.size() && looks.get(i) <= looks.get(i - 1)) {
          p.error(l, "look events must increase, found " + looks.get(i - 1) + " then " + looks.get(i)
              + " (the last look is the final analysis)");
        }
      }
      if (looks.isEmpty() && p.errors.size() == before) {
        p.error(looksNode, "at least one look (the final analysis)");
      }
      if (!looks.isEmpty() && sampleSize != null && looks.get(looks.size() - 1) > sampleSize) {
        p.error(looksNode, "the final analysis at " + looks.get(looks.size() - 1)
            + " events needs more events than the target sample size " + sampleSize);
      }
    }
    BigDecimal alpha = p.decimal(ia, "alpha", true);
    Integer sides = p.integer(ia, "sides", true);
    BigDecimal power = p.decimal(ia, "power", true);
    BigDecimal hr = p.decimal(ia, "hazardRatio", true);
    if (hr != null && (hr.signum() <= 0 || hr.compareTo(BigDecimal.ONE) == 0)) {
      p.error(ia.map.get("hazardRatio"), "hazardRatio must be positive and not 1, found " + hr.toPlainString());
    }
    String spending = p.text(ia, "spending", true);
    if (spending != null) {
      try {
        if (!(EfficacyBoundary.parse(spending) instanceof EfficacyBoundary.Spending)) {
          p.error(ia.map.get("spending"), "monitoring needs an alpha-spending function (of, pocock, hsd:GAMMA,"
              + " kd:RHO), found '" + spending + "'");
        }
      } catch (IllegalArgumentException e) {
        p.error(ia.map.get("spending"), e.getMessage());
      }
    }
    String futility = p.text(ia, "futility", false);
    if (futility == null) {
      futility = "none";
    } else {
      try {
        FutilityRule.parse(futility);
      } catch (IllegalArgumentException e) {
        p.error(ia.map.get("futility"), e.getMessage());
      }
    }
    Boolean binding = p.bool(ia, "binding", false);
    List<String> refs = p.texts(ia, "notes", false);
    for (int i = 0; i < refs.size(); i++) {
      String ref = refs.get(i);
      if (notes.stream().noneMatch(nt -> nt.id().equals(ref))) {
        p.error(ia.map.get("notes").list.get(i), "no protocol note with id '" + ref + "'");
      }
    }
    if (p.errors.size() > before || alpha == null || sides == null || power == null || hr == null) {
      return null;
    }
    InterimAnalysisPlan plan = new InterimAnalysisPlan(endpoint, looks, alpha.doubleValue(), sides,
        power.doubleValue(), hr.doubleValue(), spending, futility, Boolean.TRUE.equals(binding), refs);
    try {
      GroupSequentialBoundaries.compute(plan.spec());
    } catch (IllegalArgumentException e) {
      p.error(ia, "the interim-analysis plan is not a valid design: " + e.getMessage());
      return null;
    }
    return plan;
  }
}
