package org.oligotrial.server.api;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and the two ways to authenticate (HTTP Basic, personal API token). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info = @Info(title = "OligoTrial API", version = "v1",
        description = "Participant register, consent, status and audit trail of trial NCT03119519. Errors are RFC"
            + " 9457 problem documents."),
    security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "token")})
@SecurityScheme(name = "basic", type = SecuritySchemeType.HTTP, scheme = "basic")
@SecurityScheme(name = "token", type = SecuritySchemeType.HTTP, scheme = "bearer",
    description = "A personal API token from POST /api/v1/tokens")
class OpenApiConfiguration {}
