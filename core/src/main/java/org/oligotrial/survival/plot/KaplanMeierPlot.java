package org.oligotrial.survival.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationStepRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.oligotrial.survival.KaplanMeierCurve;

/**
 * Draws Kaplan-Meier curves as clinicians expect them from published trials: survival steps from 1 at time 0 with
 * shaded pointwise confidence bands, a "+" at each censoring, the numbers at risk at each axis tick in a table under
 * the axis, axis labels, a legend giving each group's n and median (with its confidence interval; "NR" when not
 * reached), and the log-rank p-value when given.
 *
 * <p>The curves are thinned to the pixel resolution of the plot (the last point of each pixel column is kept, which
 * for a non-increasing step curve loses nothing visible), so a million-row dataset plots quickly and the SVG stays
 * small. Confidence limits that are undefined (NaN where S = 0, or S = 1 for log-log) are drawn at S.
 *
 * <p>Thread-safe: stateless; each call draws into its own graphics. Throws {@link IOException} from the output only.
 */
public final class KaplanMeierPlot {

  /** Colour-blind-safe palette (Okabe and Ito 2008), the first two for the arms of a two-arm trial. */
  private static final Color[] PALETTE = {
    new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
    new Color(0xCC, 0x79, 0xA7), new Color(0xE6, 0x9F, 0x00), new Color(0x56, 0xB4, 0xE9),
    new Color(0x00, 0x00, 0x00), new Color(0xF0, 0xE4, 0x42)
  };

  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font BOLD = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  static {
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private KaplanMeierPlot() {}

  /** The image format, from the file name's extension. */
  public enum Format {
    SVG,
    PNG;

    /**
     * The format of {@code file}: {@code .svg} or {@code .png}, any case.
     *
     * @throws IllegalArgumentException for any other extension
     */
    public static Format of(Path file) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (name.endsWith(".svg")) {
        return SVG;
      }
      if (name.endsWith(".png")) {
        return PNG;
      }
      throw new IllegalArgumentException("plot file must end in .svg or .png: " + file);
    }
  }

  /**
   * What to write beside the curves.
   *
   * @param timeLabel the time axis label, for example "Months since randomization"
   * @param groupTitle the legend title (the group column), or null
   * @param logRankP the log-rank p-value to print, or null for none
   * @param width the image width in pixels
   * @param height the image height in pixels (the numbers-at-risk table included)
   */
  public record Options(String timeLabel, String groupTitle, Double logRankP, int width, int height) {
    public Options {
      Objects.requireNonNull(timeLabel, "timeLabel");
      if (width < 200 || height < 200) {
        throw new IllegalArgumentException("plot must be at least 200 x 200 pixels");
      }
    }

    /** 900 x 700 pixels. */
    public Options(String timeLabel, String groupTitle, Double logRankP) {
      this(timeLabel, groupTitle, logRankP, 900, 700);
    }
  }

  /** Writes the plot to {@code file} as SVG or PNG by its extension. */
  public static void write(List<KaplanMeierCurve> curves, Options options, Path file) throws IOException {
    switch (Format.of(file)) {
      case SVG -> {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
          writeSvg(curves, options, w);
        }
      }
      case PNG -> {
        try (OutputStream o = Files.newOutputStream(file)) {
          writePng(curves, options, o);
        }
      }
    }
  }

  /**
   * Writes an SVG document to {@code out} (not closed): {@code width} and {@code height} in pixels as the options
   * say, and a {@code viewBox} of the same size, so that a page or viewer that sets another size scales the plot.
   */
  public static void writeSvg(List<KaplanMeierCurve> curves, Options options, Writer out) throws IOException {
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.write(drawSvg(curves, options).getSVGElement(null, true, viewBox(options), null, null));
    out.flush();
  }

  /**
   * The plot as an {@code <svg>} element that scales to its container: a {@code viewBox} of the options' size,
   * {@code width="100%"} and no height, so that the height follows the width in the plot's proportions (for a web
   * page, where the plot's box may be narrower than the options' width).
   */
  public static String svgElement(List<KaplanMeierCurve> curves, Options options) {
    String svg = drawSvg(curves, options).getSVGElement(null, false, viewBox(options), null, null);
    return svg.replaceFirst("^<svg", "<svg width=\"100%\"");
  }

  private static SVGGraphics2D drawSvg(List<KaplanMeierCurve> curves, Options options) {
    SVGGraphics2D g = new SVGGraphics2D(options.width(), options.height());
    draw(curves, options, g, new Rectangle2D.Double(0, 0, options.width(), options.height()));
    return g;
  }

  private static ViewBox viewBox(Options options) {
    return new ViewBox(0, 0, options.width(), options.height());
  }

  /** Writes a PNG image to {@code out} (not closed). */
  public static void writePng(List<KaplanMeierCurve> curves, Options options, OutputStream out) throws IOException {
    BufferedImage image = new BufferedImage(options.width(), options.height(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      draw(curves, options, g, new Rectangle2D.Double(0, 0, options.width(), options.height()));
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", out);
    out.flush();
  }

  /** Draws the plot and its numbers-at-risk table into {@code area} of {@code g}. */
  public static void draw(List<KaplanMeierCurve> curves, Options options, Graphics2D g, Rectangle2D area) {
    g.setColor(Color.WHITE);
    g.fill(area);
    FontMetrics fm = g.getFontMetrics(FONT);
    int line = fm.getHeight() + 4;
    double tableHeight = line * (curves.size() + 1) + 16;
    double maxTime = 0;
    for (KaplanMeierCurve c : curves) {
      if (c.size() > 0) {
        maxTime = Math.max(maxTime, c.time(c.size() - 1));
      }
    }
    if (maxTime <= 0) {
      maxTime = 1;
    }
    double step = PlotSeries.tickStep(maxTime);
    XYPlot plot = plot(curves, options, maxTime, step, area.getWidth(),
        PlotSeries.censorMarksReadable(curves, area.getWidth()));
    // room on the left for the group names of the numbers-at-risk table, aligned with the y axis
    FontMetrics bold = g.getFontMetrics(BOLD);
    int labels = bold.stringWidth("Number at risk") / 2;
    int widest = 0;
    for (KaplanMeierCurve c : curves) {
      labels = Math.max(labels, bold.stringWidth(c.group()));
      widest = Math.max(widest, fm.stringWidth(Integer.toString(c.n())));
    }
    org.jfree.chart.axis.AxisSpace space = new org.jfree.chart.axis.AxisSpace();
    space.setLeft(Math.max(60, labels + widest / 2 + 30));
    plot.setFixedRangeAxisSpace(space);
    JFreeChart chart = new JFreeChart(null, FONT, plot, false);
    // legend and test above the plot, one group per line, so that nothing covers the curves
    LegendTitle legend = new LegendTitle(plot.getRenderer(1), new org.jfree.chart.block.ColumnArrangement(
        HorizontalAlignment.LEFT, org.jfree.chart.ui.VerticalAlignment.TOP, 0, 2),
        new org.jfree.chart.block.ColumnArrangement());
    legend.setItemFont(FONT);
    legend.setBackgroundPaint(Color.WHITE);
    legend.setFrame(BlockBorder.NONE);
    legend.setPosition(RectangleEdge.TOP);
    legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
    legend.setMargin(new RectangleInsets(0, 50, 4, 0));
    boolean marks = PlotSeries.censorMarksReadable(curves, area.getWidth());
    String note = marks ? "+ censored" : "censoring marks omitted (too many to show)";
    if (options.logRankP() != null) {
      note = "Log-rank p " + pValue(options.logRankP()) + "  (" + note + ")";
    }
    TextTitle text = new TextTitle(note, FONT);
    text.setPaint(Color.DARK_GRAY);
    text.setPosition(RectangleEdge.TOP);
    text.setHorizontalAlignment(HorizontalAlignment.LEFT);
    text.setMargin(new RectangleInsets(0, 50, 6, 0));
    chart.addSubtitle(legend);
    chart.addSubtitle(text);
    chart.setBackgroundPaint(Color.WHITE);
    chart.setPadding(new RectangleInsets(10, 10, 0, 20));
    Rectangle2D chartArea = new Rectangle2D.Double(area.getX(), area.getY(), area.getWidth(),
        area.getHeight() - tableHeight);
    ChartRenderingInfo info = new ChartRenderingInfo();
    chart.draw(g, chartArea, info);
    Rectangle2D data = info.getPlotInfo().getDataArea();
    atRiskTable(curves, plot.getDomainAxis(), data, step, maxTime, g, chartArea.getMaxY() + 4, line);
  }

  private static XYPlot plot(List<KaplanMeierCurve> curves, Options options, double maxTime, double step,
      double widthPx, boolean showMarks) {
    YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
    XYSeriesCollection marks = new XYSeriesCollection();
    for (KaplanMeierCurve c : curves) {
      bands.addSeries(PlotSeries.steps(c, legendLabel(c, options.groupTitle()), maxTime / (2 * widthPx)));
      marks.addSeries(showMarks
          ? PlotSeries.censorings(c, maxTime / widthPx)
          : new XYSeries("censored " + c.group()));
    }
    NumberAxis x = new NumberAxis(options.timeLabel());
    x.setRange(0, maxTime * 1.02);
    x.setTickUnit(new NumberTickUnit(step));
    NumberAxis y = new NumberAxis("Survival probability");
    y.setRange(0, 1.02);
    y.setTickUnit(new NumberTickUnit(0.2, new java.text.DecimalFormat("0.0")));
    for (NumberAxis a : new NumberAxis[] {x, y}) {
      a.setLabelFont(BOLD);
      a.setTickLabelFont(FONT);
      a.setAxisLinePaint(Color.BLACK);
      a.setTickMarkPaint(Color.BLACK);
      a.setTickLabelPaint(Color.BLACK);
    }
    DeviationStepRenderer curve = new DeviationStepRenderer();
    curve.setAlpha(0.15f);
    curve.setDefaultShapesVisible(false);
    XYLineAndShapeRenderer censor = new XYLineAndShapeRenderer(false, true);
    Shape plus = ShapeUtils.createRegularCross(4.5f, 0.7f);
    for (int i = 0; i < curves.size(); i++) {
      Color color = PALETTE[i % PALETTE.length];
      curve.setSeriesPaint(i, color);
      curve.setSeriesFillPaint(i, color);
      curve.setSeriesStroke(i, new BasicStroke(2f));
      censor.setSeriesPaint(i, color);
      censor.setSeriesShape(i, plus);
      censor.setSeriesVisibleInLegend(i, false);
    }
    XYPlot plot = new XYPlot();
    plot.setDomainAxis(x);
    plot.setRangeAxis(y);
    plot.setDataset(0, marks);
    plot.setRenderer(0, censor);
    plot.setDataset(1, bands);
    plot.setRenderer(1, curve);
    plot.setBackgroundPaint(Color.WHITE);
    plot.setOutlineVisible(false);
    plot.setDomainGridlinesVisible(false);
    plot.setRangeGridlinePaint(new Color(0xE0, 0xE0, 0xE0));
    plot.setRangeGridlineStroke(new BasicStroke(1f));
    plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));

    return plot;
  }

  private static String percent(List<KaplanMeierCurve> curves) {
    double level = curves.isEmpty() ? 0.95 : curves.get(0).confidenceLevel();
    return new java.math.BigDecimal(Double.toString(level * 100)).stripTrailingZeros().toPlainString() + "%";
  }

  private static String legendLabel(KaplanMeierCurve c, String groupTitle) {
    var m = c.median();
    String name = groupTitle == null ? "All subjects" : groupTitle + " = " + c.group();
    return String.format(Locale.ROOT, "%s: n=%d, %d events, median %s (%s CI %s to %s)", name, c.n(), c.events(),
        time(m.estimate()), percent(List.of(c)), time(m.lower()), time(m.upper()));
  }


  private static void atRiskTable(List<KaplanMeierCurve> curves, org.jfree.chart.axis.ValueAxis axis,
      Rectangle2D data, double step, double maxTime, Graphics2D g, double top, int line) {
    g.setFont(BOLD);
    g.setColor(Color.BLACK);
    FontMetrics bold = g.getFontMetrics(BOLD);
    FontMetrics fm = g.getFontMetrics(FONT);
    int widest = 0;
    for (KaplanMeierCurve c : curves) {
      widest = Math.max(widest, fm.stringWidth(Integer.toString(c.n())));
    }
    double y = top + line;
    g.drawString("Number at risk", (float) 12, (float) y);
    for (int i = 0; i < curves.size(); i++) {
      KaplanMeierCurve c = curves.get(i);
      y += line;
      g.setFont(BOLD);
      g.setColor(PALETTE[i % PALETTE.length]);
      String label = c.group();
      float lx = (float) Math.max(4, data.getMinX() - widest / 2.0 - 12 - bold.stringWidth(label));
      g.drawString(label, lx, (float) y);
      g.setFont(FONT);
      g.setColor(Color.BLACK);
      int[] times = c.nRisk(); // touch once to keep the loop below on indices
      if (times.length == 0) {
        continue;
      }
      for (double t = 0; t <= maxTime * 1.02 + 1e-9; t += step) {
        String n = Integer.toString(PlotSeries.atRisk(c, t));
        double x = axis.valueToJava2D(t, data, RectangleEdge.BOTTOM);
        g.drawString(n, (float) (x - fm.stringWidth(n) / 2.0), (float) y);
      }
    }
  }


  private static String time(double t) {
    if (Double.isNaN(t)) {
      return "NR";
    }
    if (t == Math.rint(t) && Math.abs(t) < 1e15) {
      return Long.toString((long) t);
    }
    return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", t)).stripTrailingZeros().toPlainString();
  }

  private static String pValue(double p) {
    if (p < 0.0001) {
      return "< 0.0001";
    }
    return "= " + (p >= 0.001 ? String.format(Locale.ROOT, "%.3f", p) : String.format(Locale.ROOT, "%.4f", p));
  }
}
