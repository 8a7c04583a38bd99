package org.oligotrial.server.datacapture;

import java.time.Clock;
import org.oligotrial.server.randomization.JdbcRandomizationFacts;
import org.oligotrial.server.randomization.RandomizationFacts;
import org.oligotrial.server.register.Register;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Data capture as a Spring bean on the application's {@link Register} with the bundled protocol. Randomization facts
 * come from a {@link RandomizationFacts} bean when one exists (tests), else from the randomization table.
 */
@Configuration(proxyBeanMethods = false)
public class DataCaptureConfiguration {
  @Bean
  DataCapture dataCapture(Register r, ObjectProvider<RandomizationFacts> randomization, Clock clock) {
    org.oligotrial.server.trial.Trial t = r.trials().defaultTrial();
    return DataCapture.on(r, t.protocol(),
        randomization.getIfAvailable(() -> new JdbcRandomizationFacts(r.jdbc(), t.id())), clock);
  }
}
