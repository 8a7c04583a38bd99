package org.oligotrial.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.Main;

/**
 * The load driver ({@code oligotrial load-test}) against the running test server: every request it reports is a
 * registered participant, and with {@code --rate} it keeps to the offered load instead of sending back to back.
 */
class LoadDriverTest extends WebTestBase {
  private static final Pattern REQUESTS = Pattern.compile("requests (\\d+), errors (\\d+)");

  @Test
  void backToBackEveryReportedRequestRegisteredAParticipant() {
    long before = registeredByDriver();
    String out = run("--clients", "4", "--seconds", "1", "--warmup", "0");
    Matcher m = REQUESTS.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    long measured = Long.parseLong(m.group(1));
    assertThat(measured).isPositive();
    assertThat(m.group(2)).isEqualTo("0");
    assertThat(out).contains("back to back").containsPattern("p50 [0-9.]+ +p90 [0-9.]+ +p99 [0-9.]+");
    // requests outside the measured second also register participants, so at least as many as measured
    assertThat(registeredByDriver() - before).isGreaterThanOrEqualTo(measured);
  }

  @Test
  void withARateItSendsNoMoreThanTheOfferedLoad() {
    // 20 requests per second for 2 s over 2 clients: 40 scheduled; back to back the server would take many more.
    // How many of the 40 are sent depends on how fast the machine answers (26 on a 2-core machine at load 21), so
    // only the upper bound, the point of the rate, is asserted, and that some were sent.
    String out = run("--clients", "2", "--seconds", "2", "--warmup", "0", "--rate", "20");
    Matcher m = REQUESTS.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    assertThat(Long.parseLong(m.group(1))).isBetween(1L, 40L);
    assertThat(m.group(2)).isEqualTo("0");
    assertThat(out).contains("offered 20.0 req/s");
  }

  @Test
  void aNegativeRateIsRefusedNamingTheOption() {
    var cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("load-test", "--url", base(), "--username", "coord.a", "--site", "A", "--rate", "-1",
        "--password-stdin")).isEqualTo(2);
    assertThat(err.toString()).contains("--rate");
  }

  private String run(String... options) {
    var cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    String[] args = new String[options.length + 8];
    System.arraycopy(new String[] {"load-test", "--url", base(), "--username", "coord.a", "--site", "A",
        "--password-stdin"}, 0, args, 0, 8);
    System.arraycopy(options, 0, args, 8, options.length);
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
      int code = cl.execute(args);
      assertThat(code).as(out + " " + err).isZero();
    } finally {
      System.setIn(stdin);
    }
    return out.toString();
  }

  private long registeredByDriver() {
    return register.jdbc().sql("SELECT COUNT(*) FROM participant WHERE screening_number LIKE 'LT-%'")
        .query(Long.class).single();
  }
}
