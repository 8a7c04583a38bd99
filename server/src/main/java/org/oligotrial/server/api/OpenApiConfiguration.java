package org.oligotrial.server.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import java.util.stream.Collectors;
import org.oligotrial.server.trial.TrialRegistry;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document's title, its description naming the trials the server holds (from the {@link TrialRegistry}
 * when the document is first built; the protocol file is the only place a trial is named), and the two ways to
 * authenticate (HTTP Basic, personal API token).
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info = @Info(title = "OligoTrial API", version = "v1",
        description = "Participant register, consent, status and audit trail of the trials this server holds."
            + " Errors are RFC 9457 problem documents."),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "token")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "A personal API token from POST /api/v1/tokens")
class OpenApiConfiguration {
  /** Appends the trials, each as "title (registry id)", the default first. */
  @Bean
  OpenApiCustomizer trialsInTheDescription(TrialRegistry trials) {
    return api -> {
      String held = trials.list().stream().map(t -> t.title() + " (" + t.id() + ")")
          .collect(Collectors.joining("; "));
      String base = api.getInfo().getDescription() == null ? "" : api.getInfo().getDescription() + " ";
      api.getInfo().setDescription(base + "Trials: " + held + ".");
    };
  }
}
