package org.oligotrial.survival.plot;

import java.util.List;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.oligotrial.survival.KaplanMeierCurve;

/**
 * What the Kaplan-Meier plot draws, computed from the curves: the thinned step curve with its band, the censoring
 * marks, the numbers at risk at a time and the axis tick step. Stateless and thread-safe.
 */
final class PlotSeries {

  private PlotSeries() {}

  /** The step curve with its band, starting at (0, 1); thinned to one point per {@code resolution} of time. */
  static YIntervalSeries steps(KaplanMeierCurve c, String key, double resolution) {
    YIntervalSeries s = new YIntervalSeries(key, false, true);
    s.add(0, 1, 1, 1);
    double lastX = Double.NEGATIVE_INFINITY;
    int n = c.size();
    for (int i = 0; i < n; i++) {
      boolean changes = c.nEvent(i) > 0;
      if (!changes && i != n - 1) {
        continue; // censoring-only times do not move the curve (their marks are drawn separately)
      }
      double t = c.time(i);
      boolean lastInColumn = i == n - 1 || c.time(i + 1) - lastX >= resolution || t - lastX >= resolution;
      if (!lastInColumn) {
        continue;
      }
      double surv = c.survival(i);
      double lo = Double.isNaN(c.lower(i)) ? surv : c.lower(i);
      double hi = Double.isNaN(c.upper(i)) ? surv : c.upper(i);
      s.add(t, surv, lo, hi);
      lastX = t;
    }
    return s;
  }

  /** One "+" per censoring time, at most one per {@code resolution} of time. */
  static XYSeries censorings(KaplanMeierCurve c, double resolution) {
    XYSeries s = new XYSeries("censored " + c.group(), false, true);
    double lastX = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < c.size(); i++) {
      if (c.nCensor(i) > 0 && c.time(i) - lastX >= resolution) {
        s.add(c.time(i), c.survival(i));
        lastX = c.time(i);
      }
    }
    return s;
  }

  /**
   * Whether censoring marks stay readable: at most one mark per 4 pixels on average per group. Beyond that (large
   * datasets) they would merge into a thick line over the curve, so they are left out and the note says so.
   */
  static boolean censorMarksReadable(List<KaplanMeierCurve> curves, double widthPx) {
    double maxTime = 0;
    for (KaplanMeierCurve c : curves) {
      if (c.size() > 0) {
        maxTime = Math.max(maxTime, c.time(c.size() - 1));
      }
    }
    double resolution = maxTime <= 0 ? 1 : maxTime / widthPx;
    for (KaplanMeierCurve c : curves) {
      if (censorings(c, resolution).getItemCount() > widthPx / 4) {
        return false;
      }
    }
    return true;
  }

  /** Numbers at risk at each tick: subjects whose time is at or after the tick. */
  static int atRisk(KaplanMeierCurve c, double t) {
    int k = java.util.Arrays.binarySearch(c.time(), t);
    int i = k >= 0 ? k : -k - 1;
    return i < c.size() ? c.nRisk(i) : 0;
  }

  /** A "nice" tick step (1, 2, 2.5 or 5 times a power of ten) giving at most about 10 ticks. */
  static double tickStep(double max) {
    double raw = max / 8;
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      if (m * p >= raw) {
        return m * p;
      }
    }
    return 10 * p;
  }
}
