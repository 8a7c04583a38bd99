package org.oligotrial.server.security;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tomcat hands an encoded slash ({@code %2f}) on to the application unchanged instead of answering with its own bare
 * error page, so that Spring Security's firewall refuses it like every other address it does not take, as the
 * application's 400 page or problem document ({@link Refusals#firewallRejection()}). The slash is never decoded into
 * the path.
 */
@Configuration(proxyBeanMethods = false)
class AddressHandling {
  @Bean
  TomcatConnectorCustomizer encodedSlashToTheFirewall() {
    return connector -> connector.setEncodedSolidusHandling("passthrough");
  }
}
