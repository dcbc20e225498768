package org.palflow.platform.security;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document names the one way this deployment signs API calls in, so Swagger UI's "Authorize" works:
 * a Keycloak bearer token when Keycloak is configured (Basic is off then), the realm file's users over Basic on
 * the embedded default.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecuritySchemes {

    @Bean
    OpenAPI palFlowApi(Environment environment) {
        boolean keycloak = SecurityConfiguration.keycloakConfigured(environment);
        String name = keycloak ? "bearer" : "basic";
        SecurityScheme scheme = keycloak
                ? new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                        .description("An access token from Keycloak's pal-api client (password grant) or pal-web.")
                : new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                        .description("A user name and password from the realm file (the embedded default).");
        return new OpenAPI().info(new Info().title("PAL Flow API").version("1"))
                .components(new Components().addSecuritySchemes(name, scheme))
                .addSecurityItem(new SecurityRequirement().addList(name));
    }
}
