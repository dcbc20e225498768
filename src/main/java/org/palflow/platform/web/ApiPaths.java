package org.palflow.platform.web;

import java.util.Arrays;
import org.springframework.util.AntPathMatcher;

/** Where the API, its documentation and the machine endpoints live; everything else is a page. */
public final class ApiPaths {

    public static final String[] PATTERNS = {"/api/**", "/elar-receiver/**", "/v3/api-docs/**", "/swagger-ui/**",
        "/swagger-ui.html", "/actuator/**"};
    private static final AntPathMatcher MATCHER = new AntPathMatcher();

    private ApiPaths() {
    }

    public static boolean contains(String path) {
        return path != null && Arrays.stream(PATTERNS).anyMatch(pattern -> MATCHER.match(pattern, path));
    }
}
