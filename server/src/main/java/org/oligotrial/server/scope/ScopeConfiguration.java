package org.oligotrial.server.scope;

import java.time.Clock;
import org.oligotrial.server.datacapture.DataCapture;
import org.oligotrial.server.randomization.RandomizationService;
import org.oligotrial.server.register.Register;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@link TrialScopes} as a bean, its default trial's scope being the application's single-trial beans (participants,
 * randomization, data capture), so that both paths to the default trial share one set of services.
 */
@Configuration(proxyBeanMethods = false)
public class ScopeConfiguration {
  @Bean
  TrialScopes trialScopes(Register register, Clock clock, RandomizationService randomization, DataCapture dataCapture,
      @Value("${oligotrial.randomization.method:}") String method) {
    var trial = register.trials().defaultTrial();
    return new TrialScopes(register, clock, method,
        new TrialScope(trial, register.participants(), randomization, dataCapture));
  }
}
