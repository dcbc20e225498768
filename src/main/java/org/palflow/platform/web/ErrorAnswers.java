package org.palflow.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * What the servlet container forwards here, errors no controller answered (a failed login, an unsupported content
 * type, a path nobody maps), is answered the one way the app answers errors: a problem for the API and any client
 * that does not ask for HTML, the error page for a browser on a page. Opened directly, it is a page that is not
 * there.
 */
@Controller
class ErrorAnswers implements ErrorController {

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value && HttpStatus.resolve(value) != null
                ? HttpStatus.valueOf(value) : HttpStatus.NOT_FOUND;
        String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String accept = request.getHeader("Accept");
        if (!ApiPaths.contains(path) && accept != null && accept.contains(MediaType.TEXT_HTML_VALUE)) {
            // A refused GET came from an address (a link, a bookmark), a refused POST from a form.
            return new ModelAndView("error", Map.of("status", status.value(), "detail", detail(status, request),
                    "address", HttpMethod.GET.matches(request.getMethod())), status);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status, request));
        problem.setTitle(status.getReasonPhrase());
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        if (status.is5xxServerError()) {
            return ApiProblem.UNEXPECTED;
        }
        return switch (status) {
            case UNAUTHORIZED -> "Log in first.";
            case NOT_FOUND -> "There is nothing here, or nothing you can see.";
            default -> {
                Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
                yield message instanceof String text && !text.isBlank() ? text
                        : "The request was refused: " + status.getReasonPhrase() + ".";
            }
        };
    }
}
