package org.oligotrial.server.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oligotrial.server.Main;
import org.oligotrial.server.ServerApplication;
import org.oligotrial.server.datacapture.DataCaptureOfTrial;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.oligotrial.server.trial.TestProtocols;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import picocli.CommandLine;

/**
 * An amendment of the default trial ({@code trials amend} run by the operator on the database the running server
 * reads) takes
 * effect on the running application at once, without a restart: the next screening through the API is evaluated
 * under the amended version, and the default trial's data capture (the single-trial paths and the data-capture API)
 * makes forms under it. The application runs as in production (no scripted evaluator), on its own database.
 *
 * <p>Worked case: the default trial's example eligible record (born 1962-07-21, screened 2025-03-10: 62 years old) is
 * eligible under version 1 (I1: age 18-70) and fails I1 under the amendment that lowers the upper age limit to 60
 * ({@link TestProtocols#withMaximumAge}).
 */
@SpringBootTest(classes = ServerApplication.class, properties = {
    "spring.datasource.url=" + AmendmentWithoutRestartTest.DB,
    "oligotrial.security.bcrypt-cost=4", "logging.level.root=warn"})
@AutoConfigureMockMvc
class AmendmentWithoutRestartTest {
  static final String DB = "jdbc:h2:mem:amendmentwithoutrestart;DB_CLOSE_DELAY=-1";
  private static final String PASSWORD = "password-for-tests";

  @TempDir Path dir;

  @Autowired MockMvc mvc;
  @Autowired Register register;
  @Autowired TrialScopes scopes;
  @Autowired DataCaptureOfTrial dataCaptureOfTrial;

  @Test
  void anAmendmentOfTheDefaultTrialTakesEffectOnTheRunningServer() throws Exception {
    // Spring's test listener binds one mock request to this thread for the whole test; the request's trial is read
    // once per request (trial.PerRequest), so the direct calls below would all see the first read. Outside a
    // request, as the server's own background work is, each call reads afresh.
    org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
    TestRegisters.twoSitesWithOneUserPerRole(register, PASSWORD);
    String trial = register.trials().defaultId();
    assertThat(screen("AMEND-1")).contains("\"status\":\"ELIGIBLE\"");
    assertThat(dataCaptureOfTrial.current().forms().protocolVersion()).isEqualTo(1);

    // the operator's command, on the database the application runs on (as with PostgreSQL); Spring names the
    // in-memory database's user sa
    Path amended = Files.writeString(dir.resolve("amended.yaml"), TestProtocols.withMaximumAge(60));
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(out, true));
    assertThat(cl.execute("trials", "amend", "--db", DB + ";USER=sa", "--trial", trial, "--protocol",
        amended.toString(), "--effective", LocalDate.now(ZoneOffset.UTC).toString(), "--reason", "Amendment 1: upper age limit 60"))
        .as(out.toString()).isZero();

    assertThat(screen("AMEND-2")).contains("\"status\":\"SCREEN_FAILED\"").contains("I1");
    assertThat(dataCaptureOfTrial.current().forms().protocolVersion()).isEqualTo(2);
    assertThat(scopes.defaultScope().dataCapture().forms().protocolVersion()).isEqualTo(2);
    assertThat(scopes.defaultScope().trial().current().version()).isEqualTo(2);
  }

  private String screen(String number) throws Exception {
    String body = "{\"siteCode\":\"A\",\"screeningNumber\":\"" + number + "\",\"screeningRecord\":"
        + TestProtocols.firstEligible() + "}";
    return mvc.perform(post("/api/v1/participants").with(httpBasic("coord.a", PASSWORD))
            .contentType(MediaType.APPLICATION_JSON).content(body))
        .andReturn().getResponse().getContentAsString();
  }
}
