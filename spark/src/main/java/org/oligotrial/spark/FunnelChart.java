package org.oligotrial.spark;

import org.oligotrial.protocol.Protocol;

/**
 * The funnel as an SVG bar chart: one row per criterion, a light bar for the patients failing it alone and a dark
 * bar for those it removes in order, both on the scale of the patients assessed, with the counts written beside.
 */
final class FunnelChart {
  private FunnelChart() {}

  static String svg(Funnel.Table t, Protocol protocol) {
    int rowH = 26;
    int left = 300;
    int barW = 480;
    int top = 60;
    int height = top + rowH * t.steps().size() + 60;
    long assessed = Math.max(1, t.total() - t.errors());
    StringBuilder sb = new StringBuilder();
    sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(left + barW + 160).append("\" height=\"")
        .append(height).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    sb.append("<text x=\"10\" y=\"22\" font-size=\"15\">Pre-screening funnel, ").append(esc(protocol.id()))
        .append(": ").append(t.total() - t.errors()).append(" patients assessed</text>\n");
    sb.append("<rect x=\"10\" y=\"34\" width=\"12\" height=\"10\" fill=\"#9ecae1\"/><text x=\"26\" y=\"43\">fail "
        + "the criterion (alone)</text><rect x=\"200\" y=\"34\" width=\"12\" height=\"10\" fill=\"#08519c\"/>"
        + "<text x=\"216\" y=\"43\">removed by it, criteria in order</text>\n");
    int y = top;
    for (Funnel.Step s : t.steps()) {
      double a = (double) s.failAlone() / assessed * barW;
      double o = (double) s.failInOrder() / assessed * barW;
      String label = s.criterion() + " " + s.title();
      if (label.length() > 44) {
        label = label.substring(0, 43) + "…";
      }
      sb.append("<text x=\"10\" y=\"").append(y + 15).append("\">").append(esc(label)).append("</text>\n");
      sb.append(String.format(java.util.Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"10\" "
          + "fill=\"#9ecae1\"/><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"10\" fill=\"#08519c\"/>%n",
          left, y + 3, a, left, y + 13, o));
      sb.append("<text x=\"").append(left + barW + 8).append("\" y=\"").append(y + 15).append("\">")
          .append(s.failAlone()).append(" / ").append(s.failInOrder()).append("</text>\n");
      y += rowH;
    }
    sb.append("<text x=\"10\" y=\"").append(y + 24).append("\">eligible ").append(t.eligible())
        .append(", incomplete ").append(t.incomplete()).append(", ineligible ").append(t.ineligible())
        .append(t.errors() > 0 ? ", errors " + t.errors() : "").append("</text>\n</svg>\n");
    return sb.toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
