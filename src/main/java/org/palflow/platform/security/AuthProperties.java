package org.palflow.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param realmFile the realm export whose users sign in on the embedded default (the file Keycloak imports)
 * @param webClientId the Keycloak client the pages sign in with, when Keycloak is configured
 */
@ConfigurationProperties("pal.auth")
record AuthProperties(Resource realmFile, @DefaultValue("pal-web") String webClientId) {
}
