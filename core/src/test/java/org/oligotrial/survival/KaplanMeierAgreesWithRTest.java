package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kaplan-Meier curves, standard errors, confidence limits of each type and medians against R. Each reference file
 * names the R version, the survival package version and the exact call; see core/src/test/r/reference.R.
 * Tolerance: 1e-9 relative on every number (the issue asks for 1e-6 or better).
 */
class KaplanMeierAgreesWithRTest {

  static final double TOL = 1e-9;

  static Stream<String> cases() {
    return Stream.concat(Stream.of("lung-sex-log", "lung-sex-loglog", "lung-sex-plain", "lung-all-log90", "lung-ecog-loglog",
        "veteran-trt-log", "veteran-celltype-plain", "aml-x-loglog", "aml-x-plain", "ovarian-rx-log",
        "ovarian-rx-loglog", "noisy-arm-log"),
        RReference.randomCases("km"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void curveMatchesSurvfit(String name) {
    RReference.Case c = RReference.read("km", name);
    ConfidenceType type = ConfidenceType.parse(c.spec().get("conf.type"));
    double level = Double.parseDouble(c.spec().get("conf.int"));
    List<KaplanMeierCurve> curves = new KaplanMeier(type, level).fit(c.data());

    List<String[]> rows = c.rows().subList(1, c.rows().size());
    int checked = 0;
    for (KaplanMeierCurve curve : curves) {
      List<String[]> mine = rows.stream().filter(r -> r[0].equals(curve.group())).toList();
      assertThat(curve.size()).as("%s group %s: number of times", c.call(), curve.group()).isEqualTo(mine.size());
      for (int i = 0; i < mine.size(); i++) {
        String[] r = mine.get(i);
        String at = c.call() + " [" + c.version() + "] group " + curve.group() + " row " + (i + 1);
        assertThat(curve.time(i)).as(at + " time").matches(v -> RReference.close(v, RReference.number(r[1]), TOL));
        assertThat(curve.nRisk(i)).as(at + " n.risk").isEqualTo(Integer.parseInt(r[2]));
        assertThat(curve.nEvent(i)).as(at + " n.event").isEqualTo(Integer.parseInt(r[3]));
        assertThat(curve.nCensor(i)).as(at + " n.censor").isEqualTo(Integer.parseInt(r[4]));
        assertClose(at + " surv", curve.survival(i), r[5]);
        assertClose(at + " std.err", curve.greenwoodSe(i), r[6]);
        assertClose(at + " lower", curve.lower(i), r[7]);
        assertClose(at + " upper", curve.upper(i), r[8]);
        checked++;
      }
    }
    assertThat(checked).isEqualTo(rows.size());

    List<String[]> medians = c.tagged("median");
    for (String[] m : medians.subList(1, medians.size())) {
      KaplanMeierCurve curve = curves.stream().filter(k -> k.group().equals(m[0])).findFirst().orElseThrow();
      String at = c.call() + " [" + c.version() + "] summary(fit)$table group " + m[0];
      assertClose(at + " median", curve.median().estimate(), m[1]);
      assertClose(at + " LCL", curve.median().lower(), m[2]);
      assertClose(at + " UCL", curve.median().upper(), m[3]);
    }
  }

  static void assertClose(String what, double actual, String expected) {
    double e = RReference.number(expected);
    assertThat(RReference.close(actual, e, TOL)).as("%s: expected %s, got %s", what, expected, actual).isTrue();
  }
}
