package org.palflow.platform.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The {@link TypedText} rule for every form a page posts: a field with a control or direction-override character
 * refuses the whole form before its controller runs, so nothing of it is stored, and the error page names the
 * field. A page that checks its fields itself and shows the refusal beside the field says so with
 * {@link ChecksTypedText}. JSON bodies are checked where they are read ({@link RequestBodies}); multipart forms
 * (uploads) are left to stream.
 */
@Configuration(proxyBeanMethods = false)
class TypedFormFields implements WebMvcConfigurer, HandlerInterceptor {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!postsAForm(request) || handler instanceof HandlerMethod method
                && method.hasMethodAnnotation(ChecksTypedText.class)) {
            return true;
        }
        Optional<String> refusal = refusal(request.getParameterMap());
        if (refusal.isPresent()) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, refusal.get());
            return false;
        }
        return true;
    }

    /** Not on the error dispatch that follows a refusal: it still carries the refused form. */
    static boolean postsAForm(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.REQUEST || HttpMethod.GET.matches(request.getMethod())
                || request.getContentType() == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(
                    MediaType.parseMediaType(request.getContentType()));
        } catch (InvalidMediaTypeException notAForm) {
            return false;
        }
    }

    private static Optional<String> refusal(Map<String, String[]> fields) {
        for (Map.Entry<String, String[]> field : fields.entrySet()) {
            for (String value : field.getValue()) {
                Optional<String> why = TypedText.refusal(value);
                if (why.isPresent()) {
                    return Optional.of("Nothing was saved: the field '" + field.getKey() + "' " + why.get() + ".");
                }
            }
        }
        return Optional.empty();
    }
}
