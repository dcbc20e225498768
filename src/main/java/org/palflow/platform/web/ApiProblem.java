package org.palflow.platform.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An RFC 7807 problem the API answers with; the factories name the cases the features raise. */
public class ApiProblem extends ErrorResponseException {

    /** The detail of every 5xx the app answers: the cause is logged, not told. */
    public static final String UNEXPECTED =
            "Something went wrong on our side; nothing was half-applied. Try again, or tell an admin.";

    /** The detail of a change refused because another changed the same record at the same moment. */
    public static final String CHANGED_MEANWHILE = "This record was changed at the same moment by another request; "
            + "nothing of yours was applied. Reload it and try again.";

    private ApiProblem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(status, problem(status, title, detail, properties), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, Map<String, Object> properties) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        properties.forEach(problem::setProperty);
        return problem;
    }

    public static ApiProblem of(HttpStatus status, String title, String detail) {
        return new ApiProblem(status, title, detail, Map.of());
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, Map.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", detail, Map.of());
    }

    public static ApiProblem conflict(String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, Map.of());
    }

    public static ApiProblem conflict(String detail, Map<String, Object> properties) {
        return new ApiProblem(HttpStatus.CONFLICT, "Conflict", detail, properties);
    }

    public static ApiProblem invalid(String detail, List<? extends Object> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, Map.of("errors", errors));
    }

    /**
     * Refuses a note longer than {@code max} characters (its column's size), whatever sent it: the page's
     * {@code maxlength} is a courtesy, not the rule.
     */
    public static void requireAtMost(int max, String field, String text) {
        if (text != null && text.length() > max) {
            throw invalid("The " + field + " is " + text.length() + " characters long; it may have " + max + ".",
                    List.of(Map.of("field", field, "message", "must be at most " + max + " characters")));
        }
    }
}
