package org.oligotrial.survival.plot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.oligotrial.survival.ConfidenceType;
import org.oligotrial.survival.KaplanMeier;
import org.oligotrial.survival.KaplanMeierCurve;
import org.oligotrial.survival.SurvivalData;

class KaplanMeierPlotTest {

  private static List<KaplanMeierCurve> curves(ConfidenceType type, double[] t, boolean[] e, String[] g) {
    return new KaplanMeier(type, 0.95).fit(SurvivalData.of(t, e, g));
  }

  @Test
  void drawsEdgeCasesWithoutFailing() throws IOException {
    // survival reaching 0 (undefined log limits), an all-censored group, an event at time 0, log-log NaN at S = 1
    List<KaplanMeierCurve> c = curves(ConfidenceType.LOG_LOG, new double[] {0, 1, 2, 3, 4, 5},
        new boolean[] {true, true, true, false, false, false}, new String[] {"A", "A", "A", "B", "B", "B"});
    KaplanMeierPlot.Options o = new KaplanMeierPlot.Options("Days", "arm", 0.04);
    StringWriter svg = new StringWriter();
    KaplanMeierPlot.writeSvg(c, o, svg);
    assertThat(svg.toString()).contains("<svg", "Number at risk", "arm = A", "median 1", "NR", "Log-rank p = 0.040");
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    KaplanMeierPlot.writePng(c, o, png);
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.toByteArray()));
    assertThat(image.getWidth()).isEqualTo(900);
  }

  @Test
  void theSvgDocumentKeepsItsPixelSizeAndCarriesAViewBox() throws IOException {
    List<KaplanMeierCurve> c = curves(ConfidenceType.LOG, new double[] {2, 4}, new boolean[] {true, false}, null);
    StringWriter svg = new StringWriter();
    KaplanMeierPlot.writeSvg(c, new KaplanMeierPlot.Options("Months", null, null, 640, 480), svg);
    String root = svg.toString().replaceFirst("(?s)^.*?(<svg[^>]*>).*$", "$1");
    assertThat(svg.toString()).startsWith("<?xml");
    // JFreeSVG quotes attributes with ' and writes its numbers as doubles
    assertThat(root).contains("width='640.0'", "height='480.0'", "viewBox='0.0 0.0 640.0 480.0'");
  }

  @Test
  void theSvgElementForAPageScalesToItsBox() {
    List<KaplanMeierCurve> c = curves(ConfidenceType.LOG, new double[] {2, 4}, new boolean[] {true, false}, null);
    String svg = KaplanMeierPlot.svgElement(c, new KaplanMeierPlot.Options("Months", null, null));
    String root = svg.replaceFirst("(?s)^(<svg[^>]*>).*$", "$1");
    // the default 900 x 700 as the viewBox only: the width follows the container, the height the proportions
    assertThat(root).startsWith("<svg width=\"100%\" ").contains("viewBox='0.0 0.0 900.0 700.0'")
        .doesNotContain("height=").doesNotContain("width='900");
    assertThat(svg).contains("All subjects").endsWith("</svg>");
  }

  @Test
  void oneGroupWithoutATitleIsAllSubjects() throws IOException {
    List<KaplanMeierCurve> c = curves(ConfidenceType.LOG, new double[] {2, 4}, new boolean[] {true, false}, null);
    StringWriter svg = new StringWriter();
    KaplanMeierPlot.writeSvg(c, new KaplanMeierPlot.Options("Months", null, null), svg);
    assertThat(svg.toString()).contains("All subjects").doesNotContain("Log-rank");
  }

  @Test
  void numbersAtRiskCountSubjectsStillFollowedAtEachTick() {
    // times 1, 2, 2+, 3, 4+: at t=0 five, at t=2 four (the event and the censoring at 2 are still at risk),
    // at t=2.5 two, after the last time none
    KaplanMeierCurve c = curves(ConfidenceType.LOG, new double[] {1, 2, 2, 3, 4},
        new boolean[] {true, true, false, true, false}, null).get(0);
    assertThat(PlotSeries.atRisk(c, 0)).isEqualTo(5);
    assertThat(PlotSeries.atRisk(c, 2)).isEqualTo(4);
    assertThat(PlotSeries.atRisk(c, 2.5)).isEqualTo(2);
    assertThat(PlotSeries.atRisk(c, 5)).isZero();
  }

  @Test
  void ticksAreRoundNumbers() {
    assertThat(PlotSeries.tickStep(30)).isEqualTo(5);
    assertThat(PlotSeries.tickStep(1000)).isEqualTo(200);
    assertThat(PlotSeries.tickStep(24)).isEqualTo(5);
  }

  @Test
  void onlySvgAndPngAreKnown() {
    assertThat(KaplanMeierPlot.Format.of(Path.of("KM.SVG"))).isEqualTo(KaplanMeierPlot.Format.SVG);
    assertThatThrownBy(() -> KaplanMeierPlot.Format.of(Path.of("km.pdf")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
