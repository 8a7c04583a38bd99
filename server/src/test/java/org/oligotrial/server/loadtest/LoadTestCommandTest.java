package org.oligotrial.server.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.oligotrial.server.Main;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The load driver's guards, and its built-in record kept equal to the eligible example. */
class LoadTestCommandTest {
  @Test
  void theBuiltInRecordIsTheEligibleExampleWithoutItsId() throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    ObjectNode example = (ObjectNode) json.readTree(Files.readString(Path.of("..", "examples", "screening",
        "eligible.json")));
    example.remove("id");
    JsonNode builtIn = json.readTree(SampleRecord.ELIGIBLE);
    assertThat(builtIn).isEqualTo(example);
  }

  @Test
  void itRefusesAServerThatIsNotOnThisMachine() {
    var cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("load-test", "--url", "http://192.0.2.1:8080", "--username", "u", "--site", "S",
        "--password-stdin");
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("loopback");
  }

  @Test
  void itSaysSoWhenNoServerAnswers() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort(); // closed again: nobody listens there
    }
    var cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    java.io.InputStream stdin = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("pw\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
      assertThat(cl.execute("load-test", "--url", "http://127.0.0.1:" + port, "--username", "u", "--site", "S",
          "--password-stdin")).isEqualTo(2);
    } finally {
      System.setIn(stdin);
    }
    assertThat(err.toString()).contains("no server answers at http://127.0.0.1:" + port).doesNotContain("\tat ");
  }

  @Test
  void itRefusesMoreThan64Clients() {
    var cl = Main.commandLine();
    StringWriter err = new StringWriter();
    cl.setErr(new PrintWriter(err, true));
    assertThat(cl.execute("load-test", "--clients", "500", "--username", "u", "--site", "S", "--password-stdin"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--clients");
  }
}
