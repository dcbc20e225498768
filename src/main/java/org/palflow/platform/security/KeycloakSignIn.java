package org.palflow.platform.security;

import com.nimbusds.jwt.JWTParser;
import java.text.ParseException;
import java.util.Collection;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Pages signed in through Keycloak, when the API's issuer is configured: OpenID Connect authorization code with
 * PKCE for the public client {@code pal-web}, realm roles mapped as for the API's tokens, and signing out ending the
 * Keycloak session too.
 */
final class KeycloakSignIn {

    static final String REGISTRATION_ID = "keycloak";

    private KeycloakSignIn() {
    }

    /**
     * Keycloak's endpoints follow from the issuer, so they are written out rather than discovered: the app starts
     * while Keycloak is down, and sign-in works as soon as it is up.
     */
    static ClientRegistrationRepository clients(Environment environment, AuthProperties properties) {
        String issuer = environment.getRequiredProperty(SecurityConfiguration.ISSUER);
        String endpoints = issuer + "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(properties.webClientId())
                // A public client: no secret, so Spring Security sends a PKCE challenge with every sign-in.
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .issuerUri(issuer)
                .authorizationUri(endpoints + "/auth")
                .tokenUri(endpoints + "/token")
                .userInfoUri(endpoints + "/userinfo")
                .jwkSetUri(endpoints + "/certs")
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
                .userNameAttributeName("preferred_username")
                .build();
        return new InMemoryClientRegistrationRepository(keycloak);
    }

    /** Keycloak puts realm roles in the access token, not the ID token: read them there. */
    static OAuth2UserService<OidcUserRequest, OidcUser> usersWithRealmRoles() {
        OidcUserService standard = new OidcUserService();
        return request -> {
            OidcUser user = standard.loadUser(request);
            Collection<GrantedAuthority> roles;
            try {
                Map<String, Object> realmAccess = JWTParser.parse(request.getAccessToken().getTokenValue())
                        .getJWTClaimsSet().getJSONObjectClaim("realm_access");
                roles = SecurityConfiguration.realmRoles(realmAccess);
            } catch (ParseException unreadable) {
                throw new OAuth2AuthenticationException(new OAuth2Error("invalid_token",
                        "Keycloak's access token could not be read for realm roles", null), unreadable);
            }
            return new DefaultOidcUser(roles, user.getIdToken(), user.getUserInfo(), "preferred_username");
        };
    }

    static LogoutSuccessHandler endKeycloakSession(ClientRegistrationRepository clients) {
        OidcClientInitiatedLogoutSuccessHandler handler = new OidcClientInitiatedLogoutSuccessHandler(clients);
        handler.setPostLogoutRedirectUri("{baseUrl}/sign-in?signed-out");
        return handler;
    }
}
