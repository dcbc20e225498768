package org.palflow.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;

/** @param realmFile the realm export whose users sign in on the embedded default (the file Keycloak imports) */
@ConfigurationProperties("pal.auth")
record AuthProperties(Resource realmFile) {
}
