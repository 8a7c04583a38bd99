package org.oligotrial.server.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.oligotrial.design.GroupSequentialBoundaries;
import org.oligotrial.design.GroupSequentialDesign;
import org.oligotrial.design.MonitoringPlan;

/**
 * The boundary plot of a group-sequential trial as SVG (scalable, with a {@code viewBox}): the test statistic z
 * (oriented so that large values favour the experimental arm) against the information fraction; the planned
 * efficacy and futility bounds at the plan's information rates (dashed), the bounds recomputed at each realised
 * look (markers) and the observed path of z (solid line through the looks, from 0 at no information). Bounds above
 * {@link #Z_MAX} (nothing spent) are drawn at the top edge.
 */
public final class BoundaryPlot {
  static final double Z_MAX = 6;
  private static final int W = 640;
  private static final int H = 400;
  private static final int LEFT = 60;
  private static final int RIGHT = 150;
  private static final int TOP = 20;
  private static final int BOTTOM = 50;

  private BoundaryPlot() {}

  /**
   * One realised look.
   *
   * @param fraction information fraction
   * @param z observed z
   * @param efficacyZ the efficacy bound there
   * @param futilityZ the futility bound there, NaN without
   */
  public record Point(double fraction, double z, double efficacyZ, double futilityZ) {}

  /** The SVG document (an {@code <svg>} element, no XML declaration). */
  public static String svg(MonitoringPlan plan, List<Point> looks) {
    GroupSequentialDesign d = GroupSequentialBoundaries.compute(plan.spec());
    List<double[]> eff = new ArrayList<>();
    List<double[]> fut = new ArrayList<>();
    for (GroupSequentialDesign.Stage s : d.stages()) {
      eff.add(new double[] {s.informationRate(), clip(s.criticalZ())});
      if (Double.isFinite(s.futilityZ())) {
        fut.add(new double[] {s.informationRate(), s.futilityZ()});
      }
    }
    double lo = -2;
    double hi = 4;
    for (double[] p : eff) {
      hi = Math.max(hi, p[1]);
    }
    for (double[] p : fut) {
      lo = Math.min(lo, p[1]);
    }
    for (Point p : looks) {
      lo = Math.min(lo, Math.min(p.z(), Double.isFinite(p.futilityZ()) ? p.futilityZ() : p.z()));
      hi = Math.max(hi, Math.max(p.z(), clip(p.efficacyZ())));
    }
    lo = Math.floor(lo);
    hi = Math.ceil(hi);
    StringBuilder s = new StringBuilder();
    s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
        .append("\" width=\"100%\" role=\"img\" aria-label=\"Group-sequential boundaries: z against information fraction\""
            + " font-family=\"sans-serif\" font-size=\"12\">\n");
    s.append("<rect x=\"0\" y=\"0\" width=\"").append(W).append("\" height=\"").append(H)
        .append("\" fill=\"white\"/>\n");
    // axes and grid
    for (double z = lo; z <= hi + 1e-9; z += 1) {
      double y = y(z, lo, hi);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"%s\"/>\n",
          LEFT, y, W - RIGHT, y, z == 0 ? "#888" : "#e4e4e4"));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>\n", LEFT - 6,
          y + 4, z));
    }
    for (int i = 0; i <= 5; i++) {
      double f = i / 5.0;
      double x = x(f);
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#e4e4e4\"/>\n",
          x, TOP, x, H - BOTTOM));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.1f</text>\n", x,
          H - BOTTOM + 16, f));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">Information fraction"
        + " (events / planned events)</text>\n", (LEFT + W - RIGHT) / 2, H - 12));
    s.append(String.format(Locale.ROOT, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">"
        + "z (favours experimental arm above 0)</text>\n", (TOP + H - BOTTOM) / 2));
    s.append(polyline(eff, lo, hi, "#b22222", "6 4", "planned-efficacy"));
    if (!fut.isEmpty()) {
      s.append(polyline(fut, lo, hi, "#1f5fa8", "6 4", "planned-futility"));
    }
    List<double[]> path = new ArrayList<>();
    path.add(new double[] {0, 0});
    for (Point p : looks) {
      path.add(new double[] {p.fraction(), p.z()});
      double x = x(p.fraction());
      s.append(String.format(Locale.ROOT, "<path class=\"realised-efficacy\" d=\"M%.1f %.1f l-5 -8 h10 z\""
          + " fill=\"#b22222\"/>\n", x, y(clip(p.efficacyZ()), lo, hi)));
      if (Double.isFinite(p.futilityZ())) {
        s.append(String.format(Locale.ROOT, "<path class=\"realised-futility\" d=\"M%.1f %.1f l-5 8 h10 z\""
            + " fill=\"#1f5fa8\"/>\n", x, y(p.futilityZ(), lo, hi)));
      }
    }
    s.append(polyline(path, lo, hi, "black", null, "observed"));
    for (Point p : looks) {
      s.append(String.format(Locale.ROOT, "<circle class=\"look\" cx=\"%.1f\" cy=\"%.1f\" r=\"4\"/>\n",
          x(p.fraction()), y(p.z(), lo, hi)));
    }
    int lx = W - RIGHT + 12;
    s.append(legend(lx, TOP + 10, "#b22222", "6 4", "efficacy bound"));
    s.append(legend(lx, TOP + 30, "#1f5fa8", "6 4", "futility bound"));
    s.append(legend(lx, TOP + 50, "black", null, "observed z"));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">&#9650;&#9660; at realised looks</text>\n", lx,
        TOP + 74));
    s.append("</svg>\n");
    return s.toString();
  }

  private static String polyline(List<double[]> pts, double lo, double hi, String colour, String dash,
      String cls) {
    StringBuilder s = new StringBuilder("<polyline class=\"" + cls + "\" fill=\"none\" stroke=\"" + colour
        + "\" stroke-width=\"2\"" + (dash == null ? "" : " stroke-dasharray=\"" + dash + "\"") + " points=\"");
    for (double[] p : pts) {
      s.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(p[0]), y(p[1], lo, hi)));
    }
    return s.append("\"/>\n").toString();
  }

  private static String legend(int x, int y, String colour, String dash, String label) {
    return String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\""
        + "%s/><text x=\"%d\" y=\"%d\">%s</text>\n", x, y, x + 24, y, colour,
        dash == null ? "" : " stroke-dasharray=\"" + dash + "\"", x + 30, y + 4, label);
  }

  private static double clip(double z) {
    return Double.isFinite(z) ? Math.min(z, Z_MAX) : Z_MAX;
  }

  private static double x(double f) {
    return LEFT + f * (W - LEFT - RIGHT);
  }

  private static double y(double z, double lo, double hi) {
    return TOP + (hi - z) / (hi - lo) * (H - TOP - BOTTOM);
  }
}
