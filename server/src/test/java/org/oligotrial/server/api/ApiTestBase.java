package org.oligotrial.server.api;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.ScreeningEvaluator;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.ScriptedEvaluator;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * One Spring context for every API test class (same configuration, so Spring's test context cache shares it), on an
 * in-memory H2 database, with the scripted evaluator and a cheap BCrypt. Users: one per role at site A, plus a
 * coordinator at site B; all with {@link #PASSWORD}.
 */
@SpringBootTest(
    classes = ServerApplication.class,
    properties = {
      "spring.datasource.url=jdbc:h2:mem:apitests;DB_CLOSE_DELAY=-1",
      "oligotrial.security.bcrypt-cost=4",
      "logging.level.root=warn"
    })
@AutoConfigureMockMvc
@Import(ApiTestBase.Evaluator.class)
abstract class ApiTestBase {
  static final String PASSWORD = "password-for-tests";

  @Autowired MockMvc mvc;
  @Autowired Register register;

  @TestConfiguration
  static class Evaluator {
    @Bean
    ScreeningEvaluator scriptedEvaluator() {
      return new ScriptedEvaluator();
    }
  }

  @BeforeEach
  void fixture() {
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
  }

  static RequestPostProcessor as(String user) {
    return httpBasic(user, PASSWORD);
  }

  Actor actor(String user) {
    return register.users().find(user).orElseThrow().actor();
  }

  /** A fresh eligible participant at the site, registered by that site's coordinator. */
  String eligibleAt(String site) {
    String coordinator = site.equals("A") ? "coord.a" : "coord.b";
    return register.participants()
        .register(actor(coordinator), site, site + "-" + java.util.UUID.randomUUID().toString().substring(0, 13),
            ScriptedEvaluator.record("ELIGIBLE"))
        .participant()
        .id();
  }
}
