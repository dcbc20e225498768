package org.palflow.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser counts a line break in a text area as one character against its {@code maxlength}, and sends it as two
 * (CR LF): a note typed up to the limit the page shows arrived longer than the limit kept where it is stored. A form's
 * fields reach the pages with each line break as one LF, as the person typed it.
 */
@Component
class FormLineBreaks extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !TypedFormFields.postsAForm(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new TypedLineBreaks(request), response);
    }

    private static final class TypedLineBreaks extends HttpServletRequestWrapper {

        private Map<String, String[]> parameters;

        TypedLineBreaks(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            if (parameters == null) {
                Map<String, String[]> typed = new LinkedHashMap<>();
                super.getParameterMap().forEach((name, values) -> typed.put(name, Arrays.stream(values)
                        .map(TypedLineBreaks::asTyped).toArray(String[]::new)));
                parameters = Collections.unmodifiableMap(typed);
            }
            return parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = getParameterValues(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = getParameterMap().get(name);
            return values == null ? null : values.clone();
        }

        private static String asTyped(String value) {
            return value.indexOf('\r') < 0 ? value : value.replace("\r\n", "\n");
        }
    }
}
