package org.palflow.platform.security;

import org.palflow.platform.web.PageController;
import org.springframework.core.env.Environment;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sign-in: a form for the realm file's users on the embedded default (Spring Security takes the POST), or the way
 * to Keycloak's own login page when Keycloak is configured.
 */
@PageController
class SignInPage {

    private final boolean keycloak;

    SignInPage(Environment environment) {
        this.keycloak = SecurityConfiguration.pagesSignInThroughKeycloak(environment);
    }

    @GetMapping("/sign-in")
    String signIn(Model model) {
        model.addAttribute("keycloak", keycloak);
        model.addAttribute("keycloakSignIn", "/oauth2/authorization/" + KeycloakSignIn.REGISTRATION_ID);
        return "sign-in";
    }
}
