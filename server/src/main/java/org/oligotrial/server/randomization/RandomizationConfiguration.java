package org.oligotrial.server.randomization;

import java.time.Clock;
import org.oligotrial.protocol.Protocol;
import org.oligotrial.randomization.ProtocolRandomization;
import org.oligotrial.server.register.Register;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The randomization service of the default trial on the application's register, under its current protocol. The
 * method is the protocol's primary one ({@code minimization}); {@code oligotrial.randomization.method=permuted-blocks} selects the protocol's
 * alternative. A trial keeps the scheme it started with: a server configured otherwise refuses to allocate.
 */
@Configuration(proxyBeanMethods = false)
public class RandomizationConfiguration {
  @Bean
  RandomizationService randomizationService(Register register, Clock clock,
      @Value("${oligotrial.randomization.method:}") String method) {
    Protocol protocol = register.trials().defaultTrial().protocol();
    return RandomizationService.on(register, protocol, method.isBlank()
        ? ProtocolRandomization.scheme(protocol) : ProtocolRandomization.scheme(protocol, method), clock);
  }

  @Bean
  AllocationExports allocationExports(RandomizationService service) {
    return new AllocationExports(service);
  }
}
