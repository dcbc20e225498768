package org.palflow.platform.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.palflow.platform.web.ApiPaths;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.annotation.Order;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two ways in, one set of roles. With {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or
 * {@code jwk-set-uri}) set the API takes Keycloak bearer tokens; otherwise it logs users in (HTTP Basic) from the
 * realm file. The API is stateless; the pages use a server session with CSRF protection and a sign-in form.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWK_SET = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";

    /** The pages sign in through Keycloak when its issuer is known (a key set alone serves only the API). */
    static boolean pagesSignInThroughKeycloak(Environment environment) {
        return environment.containsProperty(ISSUER);
    }

    static boolean keycloakConfigured(Environment environment) {
        return environment.containsProperty(ISSUER) || environment.containsProperty(JWK_SET);
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, Environment environment, ObjectMapper json,
            ObjectProvider<SignInLockout> lockout) throws Exception {
        AuthenticationEntryPoint logInFirst = (request, response, ex) -> {
            response.setHeader("WWW-Authenticate", keycloakConfigured(environment) ? "Bearer" : "Basic realm=\"pal\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Unauthorized", "Log in to use the PAL Flow API");
        };
        http.securityMatcher(ApiPaths.PATTERNS).authorizeHttpRequests(requests -> requests
                        .requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/actuator/health/**",
                                "/actuator/health", "/error")
                        .permitAll()
                        // The embedded default's ELAR stand-in takes hand-offs as ELAR would: with the sender's
                        // secret, not a user login.
                        .requestMatchers("/elar-receiver/**").permitAll()
                        .anyRequest().authenticated())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(logInFirst)
                        .accessDeniedHandler((request, response, ex) -> writeProblem(json, response,
                                HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request")));
        if (keycloakConfigured(environment)) {
            http.oauth2ResourceServer(oauth -> oauth.authenticationEntryPoint(logInFirst)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(realmRoles())));
            http.addFilterBefore(keycloakUnreachableIsA503(json), BearerTokenAuthenticationFilter.class);
        } else {
            http.httpBasic(basic -> basic.authenticationEntryPoint(logInFirst));
            lockout.ifAvailable(guard -> http.addFilterBefore(guard.filter(), BasicAuthenticationFilter.class));
        }
        return http.build();
    }

    /**
     * Pages, remembered in a server session with CSRF protection: signed in through Keycloak when the issuer is
     * configured, otherwise with the realm file's users through a form.
     */
    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, Environment environment, AuthProperties properties,
            ObjectProvider<SignInLockout> lockout) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/sign-in", "/vendor/**", "/css/**", "/js/**", "/error", "/favicon.ico").permitAll()
                .anyRequest().authenticated());
        if (pagesSignInThroughKeycloak(environment)) {
            ClientRegistrationRepository clients = KeycloakSignIn.clients(environment, properties);
            http.oauth2Login(login -> login.loginPage("/sign-in").clientRegistrationRepository(clients)
                            .userInfoEndpoint(users -> users.oidcUserService(KeycloakSignIn.usersWithRealmRoles()))
                            .defaultSuccessUrl("/", true))
                    .logout(logout -> logout.logoutUrl("/sign-out")
                            .logoutSuccessHandler(KeycloakSignIn.endKeycloakSession(clients)));
        } else {
            lockout.ifAvailable(guard -> http.addFilterBefore(guard.filter(),
                    UsernamePasswordAuthenticationFilter.class));
            http.formLogin(form -> form.loginPage("/sign-in").defaultSuccessUrl("/", true).permitAll())
                    .logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/sign-in?signed-out"));
        }
        return http.build();
    }

    @Bean
    @Conditional(NoIssuerConfigured.class)
    RealmFileUsers realmFileUsers(AuthProperties properties, ObjectMapper json, PasswordEncoder encoder) {
        return new RealmFileUsers(properties.realmFile(), json, encoder);
    }

    @Bean
    @Conditional(NoIssuerConfigured.class)
    SignInLockout signInLockout(RealmFileUsers users, Clock clock, ObjectMapper json) {
        return new SignInLockout(users.lockoutPolicy(), clock, json);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new RealmPasswords();
    }

    static class NoIssuerConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !keycloakConfigured(context.getEnvironment());
        }
    }

    private static Converter<Jwt, AbstractAuthenticationToken> realmRoles() {
        return jwt -> {
            String username = jwt.getClaimAsString("preferred_username");
            return new JwtAuthenticationToken(jwt, realmRoles(jwt.getClaimAsMap("realm_access")),
                    username == null ? jwt.getSubject() : username);
        };
    }

    /** Keycloak puts realm roles under realm_access.roles; Spring wants ROLE_ authorities. */
    static Collection<GrantedAuthority> realmRoles(Map<String, Object> realmAccess) {
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        if (realmAccess != null && realmAccess.get("roles") instanceof List<?> roles) {
            roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        }
        return authorities;
    }

    /**
     * Token checks need Keycloak's keys, fetched on first use: while Keycloak cannot be reached that fails, and the
     * caller is told to try again (the next request tries to fetch them again).
     */
    private static OncePerRequestFilter keycloakUnreachableIsA503(ObjectMapper json) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
                    FilterChain chain) throws ServletException, IOException {
                try {
                    chain.doFilter(request, response);
                } catch (JwtDecoderInitializationException unreachable) {
                    log.warn("Keycloak could not be reached to check a token: {}", unreachable.getMessage());
                    response.setHeader("Retry-After", "10");
                    writeProblem(json, response, HttpStatus.SERVICE_UNAVAILABLE, "Sign-in service unavailable",
                            "Keycloak could not be reached to check your token. Try again in a moment.");
                }
            }
        };
    }

    static void writeProblem(ObjectMapper json, jakarta.servlet.http.HttpServletResponse response,
            HttpStatus status, String title, String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
