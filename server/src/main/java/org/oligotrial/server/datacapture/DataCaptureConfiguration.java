package org.oligotrial.server.datacapture;

import java.time.Clock;
import org.oligotrial.protocol.ProtocolLoader;
import org.oligotrial.server.register.Register;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Data capture as Spring beans on the application's {@link Register} with the bundled protocol. */
@Configuration(proxyBeanMethods = false)
public class DataCaptureConfiguration {
  @Bean
  @ConditionalOnMissingBean
  RandomizationFacts randomizationFacts(Register r) {
    return new JdbcRandomizationFacts(r.jdbc());
  }

  @Bean
  DataCapture dataCapture(Register r, RandomizationFacts randomization, Clock clock) {
    return DataCapture.on(r, ProtocolLoader.bundled(), randomization, clock);
  }
}
