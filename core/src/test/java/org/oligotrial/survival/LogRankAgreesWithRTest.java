package org.oligotrial.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.oligotrial.survival.KaplanMeierAgreesWithRTest.assertClose;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The (stratified) log-rank test against R's survdiff; each reference file names the R version, the package version
 * and the exact call. Tolerance 1e-9 relative on chisq, p, observed and expected.
 */
class LogRankAgreesWithRTest {

  static Stream<String> cases() {
    return Stream.concat(Stream.of("lung-sex", "lung-ecog", "lung-sex-strata-ecog", "veteran-trt", "veteran-celltype",
        "veteran-trt-strata-celltype", "veteran-celltype-strata-prior", "aml-x", "ovarian-rx",
        "ovarian-rx-strata-ecog", "noisy-arm"),
        RReference.randomCases("logrank"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void testMatchesSurvdiff(String name) {
    RReference.Case c = RReference.read("logrank", name);
    LogRankResult r = LogRankTest.test(c.data());
    String at = c.call() + " [" + c.version() + "]";
    String line = c.comments().stream().filter(l -> l.startsWith("# test:")).findFirst().orElseThrow();
    String[] test = line.substring(line.indexOf('=') + 1).trim().split("\\s+")[0].split(",");
    assertClose(at + " chisq", r.chisq(), test[0]);
    assertThat(r.df()).as(at + " df").isEqualTo(Integer.parseInt(test[1]));
    assertClose(at + " p", r.p(), test[2]);
    for (String[] row : c.rows().subList(1, c.rows().size())) {
      LogRankGroup g = r.groups().stream().filter(x -> x.group().equals(row[0])).findFirst().orElseThrow();
      assertThat(g.n()).as(at + " n " + row[0]).isEqualTo(Integer.parseInt(row[1]));
      assertClose(at + " observed " + row[0], g.observed(), row[2]);
      assertClose(at + " expected " + row[0], g.expected(), row[3]);
    }
    assertThat(r.groups()).hasSize(c.rows().size() - 1);
  }
}
