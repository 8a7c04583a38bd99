package org.oligotrial.server.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.kernel.Actor;
import org.oligotrial.server.kernel.Role;
import org.oligotrial.server.participant.ParticipantStatus;
import org.oligotrial.server.participant.ProtocolScreeningEvaluator;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.oligotrial.server.testing.TestRegisters;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** {@code serve --demo} leaves two demo participants randomized and one consented, waiting for randomization. */
class DemoDataRandomizationTest {
  @Test
  void demoRandomizesTwoParticipantsAndLeavesOneConsented() {
    try (HikariDataSource ds = TestRegisters.migrated(TestRegisters.freshH2Url(), 4)) {
      Register reg = Register.on(ds, new ProtocolScreeningEvaluator(), new BCryptPasswordEncoder(4),
          Clock.systemUTC());
      Protocol protocol = ProtocolLoader.bundled();
      RandomizationService rs = RandomizationService.on(reg, protocol, ProtocolRandomization.scheme(protocol),
          Clock.systemUTC());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new DemoData(reg, rs).seed(new PrintStream(out, true, StandardCharsets.UTF_8));
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("(2 randomized)");
      Actor monitor = new Actor("m", Role.STATISTICIAN, java.util.Set.of());
      assertThat(reg.participants().list(monitor, "DEMO1", null, 0, 10).items())
          .extracting(p -> p.screeningNumber() + " " + p.status())
          .containsExactly("DEMO1-001 " + ParticipantStatus.RANDOMIZED, "DEMO1-002 " + ParticipantStatus.RANDOMIZED,
              "DEMO1-003 " + ParticipantStatus.SCREEN_FAILED, "DEMO1-004 " + ParticipantStatus.CONSENTED);
    }
  }
}
