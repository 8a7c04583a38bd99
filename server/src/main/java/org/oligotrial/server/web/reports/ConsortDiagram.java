package org.oligotrial.server.web.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Draws a {@link Consort} as a standalone SVG flow diagram (boxes and arrows, text escaped). */
public final class ConsortDiagram {
  private static final int W = 760;
  private static final int BOX_W = 300;

  private ConsortDiagram() {}

  public static String svg(Consort c) {
    List<String> excluded = new ArrayList<>();
    for (Map.Entry<String, Integer> e : c.excludedReasons().entrySet()) {
      excluded.add(e.getKey() + " (n=" + e.getValue() + ")");
      if (e.getKey().equals(Consort.SCREEN_FAILED)) {
        for (Map.Entry<String, Integer> f : c.failedCriteria().entrySet()) {
          excluded.add("    criterion " + f.getKey() + " not met (n=" + f.getValue() + ")");
        }
      }
    }
    int exH = 34 + 16 * Math.max(1, excluded.size());
    int y0 = 20;
    int y1 = y0 + 60 + exH;
    int allocLines = 3;
    int followLines = 2;
    for (String arm : c.arms()) {
      Consort.ArmFlow f = c.arm(arm);
      allocLines = Math.max(allocLines, 3 + f.notReceived().size());
      followLines = Math.max(followLines, 2 + f.lost().size() + f.discontinued().size());
    }
    int allocH = 14 + 16 * allocLines;
    int followH = 14 + 16 * followLines;
    int y2 = y1 + 70;
    int y3 = y2 + allocH + 40;
    int y4 = y3 + followH + 40;
    int h = y4 + 80;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
        + "role=\"img\" aria-labelledby=\"consort-title\" font-family=\"Helvetica, Arial, sans-serif\" "
        + "font-size=\"13\"><title id=\"consort-title\">CONSORT flow diagram: %d assessed, %d randomized</title>"
        + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" "
        + "orient=\"auto\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#333\"/></marker></defs>"
        + "<rect width=\"100%%\" height=\"100%%\" fill=\"#fff\"/>", W, h, c.assessed(), c.randomized()));
    int cx = W / 2;
    box(s, cx - BOX_W / 2, y0, BOX_W, 40, List.of("Assessed for eligibility (n=" + c.assessed() + ")"));
    int exX = cx + 20;
    box(s, exX, y0 + 55, W - exX - 10, exH, prepend("Excluded (n=" + c.excluded() + ")", excluded));
    arrow(s, cx, y0 + 40, cx, y1);
    arrow(s, cx, y0 + 55 + exH / 2, exX, y0 + 55 + exH / 2);
    box(s, cx - BOX_W / 2, y1, BOX_W, 40, List.of("Randomized (n=" + c.randomized() + ")"));
    int n = Math.max(1, c.arms().size());
    int colW = (W - 20) / n;
    for (int i = 0; i < c.arms().size(); i++) {
      String arm = c.arms().get(i);
      Consort.ArmFlow f = c.arm(arm);
      int bx = 10 + i * colW + 10;
      int bw = colW - 20;
      int mid = bx + bw / 2;
      arrow(s, cx, y1 + 40, mid, y2);
      List<String> alloc = new ArrayList<>(List.of("Allocated to " + arm + " (n=" + f.allocated() + ")",
          "Received allocated intervention (n=" + f.received() + ")",
          "Did not receive allocated intervention (n=" + f.notReceivedCount() + ")"));
      f.notReceived().forEach((r, k) -> alloc.add("    " + r + " (n=" + k + ")"));
      box(s, bx, y2, bw, allocH, alloc);
      arrow(s, mid, y2 + allocH, mid, y3);
      List<String> follow = new ArrayList<>(List.of("Lost to follow-up (n=" + f.lostCount() + ")"));
      f.lost().forEach((r, k) -> follow.add("    " + r + " (n=" + k + ")"));
      follow.add("Discontinued intervention (n=" + f.discontinuedCount() + ")");
      f.discontinued().forEach((r, k) -> follow.add("    " + r + " (n=" + k + ")"));
      box(s, bx, y3, bw, followH, follow);
      arrow(s, mid, y3 + followH, mid, y4);
      box(s, bx, y4, bw, 50, List.of("Analysed, intention to treat", "(n=" + f.analysed() + ")"));
    }
    label(s, 10, y2 - 8, "Allocation");
    label(s, 10, y3 - 8, "Follow-up");
    label(s, 10, y4 - 8, "Analysis");
    return s.append("</svg>").toString();
  }

  private static List<String> prepend(String first, List<String> rest) {
    List<String> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private static void box(StringBuilder s, int x, int y, int w, int h, List<String> lines) {
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#f5f8fb\" "
        + "stroke=\"#1d5f8a\" stroke-width=\"1.2\" rx=\"3\"/>", x, y, w, h));
    int ty = y + 18;
    for (String line : lines) {
      boolean indented = line.startsWith("    ");
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" fill=\"#1f2933\">%s</text>",
          x + (indented ? 22 : 8), ty, escape(line.strip())));
      ty += 16;
    }
  }

  private static void label(StringBuilder s, int x, int y, String text) {
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\" fill=\"#5f6b7a\">%s</text>",
        x, y, escape(text)));
  }

  private static void arrow(StringBuilder s, int x1, int y1, int x2, int y2) {
    s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" "
        + "marker-end=\"url(#arrow)\"/>", x1, y1, x2, y2));
  }

  public static String escape(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
