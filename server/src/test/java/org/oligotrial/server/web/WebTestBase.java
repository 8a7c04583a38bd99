package org.oligotrial.server.web;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * One running server (random port, in-memory H2, the real eligibility engine, cheap BCrypt) shared by every web test
 * class through Spring's context cache. Users: one per role at site A, a coordinator at site B, all with {@link
 * #PASSWORD}.
 */
@SpringBootTest(
    classes = ServerApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:webtests;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc
abstract class WebTestBase {
  static final String PASSWORD = "password-for-web-tests";

  @Autowired MockMvc mvc;
  @Autowired Register register;
  @LocalServerPort int port;

  @BeforeEach
  void users() {
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
  }

  Actor actor(String user) {
    return register.users().find(user).orElseThrow().actor();
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  /** The example eligible record with another id. */
  static String eligibleRecord(String id) {
    return EXAMPLE.replace("SCR-0001", id);
  }

  static final String EXAMPLE;

  static {
    try {
      EXAMPLE = java.nio.file.Files.readString(java.nio.file.Path.of("../examples/screening/eligible.json"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
