package org.oligotrial.server.web.forms;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.oligotrial.server.web.forms.ClinicalView.RecistRow;

/**
 * The sum of target-lesion diameters over time as inline SVG, with the RECIST 1.1 lines of partial response (-30% from
 * baseline) and of progression (+20% and at least +5 mm from the nadir, drawn from the lowest sum so far).
 */
final class RecistChart {
  private static final int W = 560;
  private static final int H = 220;
  private static final int L = 50;
  private static final int R = 16;
  private static final int T = 14;
  private static final int B = 34;

  private RecistChart() {}

  static String svg(List<RecistRow> rows) {
    List<RecistRow> pts = rows.stream().filter(r -> r.sumMm() != null).toList();
    if (pts.isEmpty()) {
      return null;
    }
    double max = pts.stream().mapToDouble(r -> r.sumMm().doubleValue()).max().orElse(1) * 1.3 + 1;
    long first = pts.get(0).date().toEpochDay();
    long span = Math.max(1, pts.get(pts.size() - 1).date().toEpochDay() - first);
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-labelledby=\"recist-title\"><title id=\"recist-title\">Sum of "
        + "target lesion diameters over time, %d measurements</title><g font-family=\"system-ui, sans-serif\" "
        + "font-size=\"11\" fill=\"#5f6b7a\">", W, H, pts.size()));
    double base = pts.get(0).sumMm().doubleValue();
    line(s, y(base * 0.7, max), "#1e7b4f", "PR -30%");
    double nadir = pts.stream().mapToDouble(r -> r.sumMm().doubleValue()).min().orElse(base);
    line(s, y(Math.max(nadir * 1.2, nadir + 5), max), "#b42318", "PD +20% of nadir");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">0</text>", L - 6,
        y(0, max) + 4));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f mm</text>", L - 6,
        y(base, max) + 4, base));
    StringBuilder path = new StringBuilder();
    for (RecistRow r : pts) {
      double x = L + (W - L - R) * ((r.date().toEpochDay() - first) / (double) span);
      double y = y(r.sumMm().doubleValue(), max);
      path.append(path.isEmpty() ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f", x, y));
      s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"#1d5f8a\"><title>%s: "
          + "%s mm %s</title></circle>", x, y, r.date(), r.sumMm().toPlainString(),
          escape(Objects.toString(r.response(), ""))));
    }
    s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1d5f8a\" stroke-width=\"2\"/>");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" "
        + "text-anchor=\"end\">%s</text>", L, H - 10, pts.get(0).date(), W - R, H - 10,
        pts.get(pts.size() - 1).date()));
    return s.append("</g></svg>").toString();
  }

  private static void line(StringBuilder s, double y, String colour, String label) {
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
        + "stroke-dasharray=\"5 4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"%s\">%s</text>", L, W - R,
        y, y, colour, W - R, y - 4, colour, label));
  }

  private static double y(double v, double max) {
    return T + (H - T - B) * (1 - v / max);
  }

  private static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
