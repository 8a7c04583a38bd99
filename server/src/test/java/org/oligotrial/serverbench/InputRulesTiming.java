package org.oligotrial.serverbench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Supplier;
import org.oligotrial.server.api.ApiModels;
import org.oligotrial.server.input.StrictJsonConfiguration;
import org.oligotrial.server.kernel.Identifiers;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the input rules cost on the registration path, in one JVM: reading a registration body (the eligible example
 * record, {@code examples/screening/eligible.json}) into {@link ApiModels.NewParticipant} with the application's
 * strict mapper (parser constraints, duplicate detection, coercion rules, the text rules on every string of the
 * record) against Jackson's default mapper; and cleaning and keying a screening number, ASCII and full-width. Each
 * figure is the median of 7 rounds of 200,000 (bodies: 20,000) operations after 3 s of warm-up. Run from the
 * repository root:
 *
 * <pre>
 * mvn -B -q -o -pl server -am test-compile -DskipTests
 * mvn -B -q -o -pl server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp server/target/test-classes:server/target/classes:$(cat /tmp/cp.txt) \
 *     org.oligotrial.serverbench.InputRulesTiming
 * </pre>
 */
public final class InputRulesTiming {
  private InputRulesTiming() {}

  static volatile Object sink;

  public static void main(String[] args) throws Exception {
    String record = Files.readString(Path.of("examples/screening/eligible.json"));
    byte[] body = ("{\"siteCode\":\"A\",\"screeningNumber\":\"DEMO1-001\",\"screeningRecord\":" + record + "}")
        .getBytes(StandardCharsets.UTF_8);
    JsonMapper.Builder b = JsonMapper.builder(StrictJsonConfiguration.strictFactory());
    StrictJsonConfiguration.strict(b);
    JsonMapper strict = b.build();
    JsonMapper plain = JsonMapper.builder().build();
    System.out.printf("registration body: %d bytes%n", body.length);
    report("body, default mapper", 20_000, () -> plain.readValue(body, ApiModels.NewParticipant.class));
    report("body, strict mapper", 20_000, () -> strict.readValue(body, ApiModels.NewParticipant.class));
    report("screening number DEMO1-001, clean + key", 200_000,
        () -> Identifiers.key(Identifiers.clean("screeningNumber", "DEMO1-001")));
    report("screening number full width, clean + key", 200_000,
        () -> Identifiers.key(Identifiers.clean("screeningNumber", " \uff24\uff25\uff2d\uff2f\uff11\u2010001")));
  }

  static void report(String what, int n, Supplier<Object> op) {
    long warm = System.nanoTime() + 3_000_000_000L;
    while (System.nanoTime() < warm) {
      for (int i = 0; i < 1000; i++) {
        sink = op.get();
      }
    }
    double[] rounds = new double[7];
    for (int r = 0; r < rounds.length; r++) {
      long t0 = System.nanoTime();
      for (int i = 0; i < n; i++) {
        sink = op.get();
      }
      rounds[r] = (System.nanoTime() - t0) / (double) n;
    }
    Arrays.sort(rounds);
    System.out.printf("%-45s median %9.0f ns/op (min %.0f, max %.0f)%n", what, rounds[3], rounds[0], rounds[6]);
  }
}
