package org.oligotrial.server.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.Main;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The load driver against a running server (random port, in-memory H2): its connection and the whole command. */
@SpringBootTest(
    classes = ServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:loadtests;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
class LoadTestAgainstServerTest {
  private static final String PASSWORD = "password-for-load-tests";

  @Autowired Register register;
  @LocalServerPort int port;

  @BeforeEach
  void users() {
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
  }

  @Test
  void oneClientKeepsItsConnectionAliveAndOpensAnotherWhenTheServerClosesIt() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString(("coord.a:" + PASSWORD)
        .getBytes(StandardCharsets.UTF_8));
    try (LoadTestCommand.Client client = new LoadTestCommand.Client(URI.create("http://127.0.0.1:" + port))) {
      for (int i = 0; i < 120; i++) {
        String body = "{\"siteCode\":\"A\",\"screeningNumber\":\"KA-" + i + "\",\"screeningRecord\":"
            + SampleRecord.ELIGIBLE + "}";
        LoadTestCommand.Reply reply = client.post("/api/v1/participants", basic, body, i == 0);
        assertThat(reply.status()).as("request %d", i).isEqualTo(201);
        if (i == 0) {
          assertThat(reply.body()).contains("\"screeningNumber\":\"KA-0\"").contains("\"status\":\"ELIGIBLE\"");
        } else {
          assertThat(reply.body()).isNull(); // read and dropped
        }
      }
      // Tomcat closes a keep-alive connection after 100 requests: one more connection, not one per request
      assertThat(client.opened()).isEqualTo(2);

      // an error reply is read whole; Tomcat closes the connection after a 400, and the next request opens another
      LoadTestCommand.Reply bad = client.post("/api/v1/participants", basic, "{\"siteCode\":", true);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.body()).contains("\"status\":400");
      assertThat(client.post("/api/v1/participants", basic, "{\"siteCode\":\"A\",\"screeningNumber\":\"KA-X\","
          + "\"screeningRecord\":" + SampleRecord.ELIGIBLE + "}", false).status()).isEqualTo(201);
      assertThat(client.opened()).isEqualTo(3);
    }
    assertThat(register.jdbc().sql("SELECT COUNT(*) FROM participant WHERE screening_number LIKE 'KA-%'")
        .query(Long.class).single()).isEqualTo(121);
  }

  @Test
  void theCommandRegistersFromSeveralClientsWithoutErrorsAndReportsTheLatencies() {
    var cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream((PASSWORD + "\n").getBytes(StandardCharsets.UTF_8)));
      int code = cl.execute("load-test", "--url", "http://127.0.0.1:" + port, "--username", "coord.a", "--site", "A",
          "--clients", "3", "--seconds", "2", "--warmup", "0", "--per-second", "--password-stdin");
      assertThat(code).as(out.toString()).isZero();
    } finally {
      System.setIn(stdin);
    }
    assertThat(out.toString()).contains("3 clients, back to back").containsPattern("requests [1-9][0-9,]*, errors 0")
        .contains("latency ms: p50")
        // the measured seconds, one line each (the last may have no reply that arrived within it)
        .containsPattern("second 1 \\(from [0-9]{2}:[0-9]{2}:[0-9]{2}\\.[0-9]{3}\\): [1-9][0-9]* requests, p50 [0-9.]+  p99"
            + " [0-9.]+  max [0-9.]+")
        .containsPattern("second 2 \\(from ");
  }
}
