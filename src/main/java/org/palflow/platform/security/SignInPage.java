package org.palflow.platform.security;

import org.palflow.platform.web.PageController;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form for the realm file's users (the embedded default); Spring Security takes the POST. */
@PageController
class SignInPage {

    @GetMapping("/sign-in")
    String signIn() {
        return "sign-in";
    }
}
