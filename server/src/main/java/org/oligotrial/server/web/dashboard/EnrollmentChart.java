package org.oligotrial.server.web.dashboard;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;

/** Draws {@link Enrollment} as an accessible inline SVG: cumulative randomized, the target line, the projection. */
final class EnrollmentChart {
  private static final int W = 640;
  private static final int H = 260;
  private static final int L = 48;
  private static final int R = 20;
  private static final int T = 16;
  private static final int B = 36;

  private EnrollmentChart() {}

  static String svg(Enrollment e) {
    LocalDate start = e.dates().isEmpty() ? e.today().minusDays(30) : e.dates().get(0);
    LocalDate end = e.projectedCompletion() != null ? e.projectedCompletion() : e.today().plusDays(30);
    if (!end.isAfter(start)) {
      end = start.plusDays(1);
    }
    long span = ChronoUnit.DAYS.between(start, end);
    double yMax = e.target() * 1.1;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" "
        + "aria-labelledby=\"enr-title\"><title id=\"enr-title\">Randomized participants over time: %d of %d",
        W, H, e.randomized(), e.target()));
    if (e.projectedCompletion() != null) {
      s.append(", projected to reach the target on ").append(e.projectedCompletion());
    }
    s.append("</title>");
    s.append("<g font-family=\"system-ui, sans-serif\" font-size=\"11\" fill=\"#5f6b7a\">");
    for (int v = 0; v <= e.target(); v += 25) {
      double y = y(v, yMax);
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#e3e8ee\"/>"
          + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>", L, W - R, y, y, L - 6, y + 4, v));
    }
    double ty = y(e.target(), yMax);
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" stroke=\"#b42318\" "
        + "stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#b42318\">target %d</text>",
        L, W - R, ty, ty, W - R, ty - 5, e.target()));
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text><text x=\"%d\" y=\"%d\" "
        + "text-anchor=\"end\">%s</text>", L, H - 10, start, W - R, H - 10, end));
    StringBuilder path = new StringBuilder();
    int prev = 0;
    double lastX = L;
    for (Map.Entry<LocalDate, Integer> c : e.cumulative().entrySet()) {
      double x = x(start, c.getKey(), span);
      path.append(path.isEmpty() ? String.format(Locale.ROOT, "M%.1f %.1f", x, y(0, yMax)) : "")
          .append(String.format(Locale.ROOT, " L%.1f %.1f L%.1f %.1f", x, y(prev, yMax), x, y(c.getValue(), yMax)));
      prev = c.getValue();
      lastX = x;
    }
    double todayX = x(start, e.today(), span);
    if (!path.isEmpty()) {
      path.append(String.format(Locale.ROOT, " L%.1f %.1f", Math.max(lastX, todayX), y(prev, yMax)));
      s.append("<path d=\"").append(path).append("\" fill=\"none\" stroke=\"#1d5f8a\" stroke-width=\"2.5\"/>");
    }
    if (e.projectedCompletion() != null && e.randomized() < e.target()) {
      s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#1d5f8a\" "
          + "stroke-dasharray=\"3 4\"/>", todayX, y(prev, yMax), x(start, end, span), ty));
    }
    s.append("</g></svg>");
    return s.toString();
  }

  private static double x(LocalDate start, LocalDate d, long span) {
    return L + (W - L - R) * (ChronoUnit.DAYS.between(start, d) / (double) span);
  }

  private static double y(double v, double yMax) {
    return T + (H - T - B) * (1 - v / yMax);
  }
}
