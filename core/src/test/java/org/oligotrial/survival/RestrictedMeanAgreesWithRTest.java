package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.survival.KaplanMeierAgreesWithRTest.assertClose;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The restricted mean and its standard error against R's summary(survfit(...), rmean = tau)$table; each reference
 * file names the R version, the package version and the exact call. Tolerance 1e-9 relative.
 */
class RestrictedMeanAgreesWithRTest {

  static Stream<String> cases() {
    return Stream.concat(Stream.of("lung-sex-365", "lung-sex-1000", "lung-all-500", "veteran-trt-100", "veteran-trt-999",
        "aml-x-40", "aml-x-161", "ovarian-rx-500", "noisy-arm-1"),
        RReference.randomCases("rmst"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rmeanMatchesSurvfit(String name) {
    RReference.Case c = RReference.read("rmst", name);
    double tau = Double.parseDouble(c.spec().get("tau"));
    List<RestrictedMean> r = RestrictedMeanSurvival.estimate(c.data(), tau, 0.95);
    String at = c.call() + " [" + c.version() + "]";
    for (String[] row : c.rows().subList(1, c.rows().size())) {
      RestrictedMean m = r.stream().filter(x -> x.group().equals(row[0])).findFirst().orElseThrow();
      assertClose(at + " rmean " + row[0], m.rmst(), row[1]);
      assertClose(at + " se(rmean) " + row[0], m.se(), row[2]);
    }
    assertThat(r).hasSize(c.rows().size() - 1);
  }
}
