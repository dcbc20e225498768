package org.palflow.platform.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.camunda.client.api.command.ClientException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error the API returns is a problem detail, with the offending fields named where there are any. Pages
 * show their refusals themselves ({@link Refusal}) and anything else on the error page.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request has " + errors.size() + " invalid field(s)");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A body that is not JSON, or a value of the wrong type or refused text: a 400 naming the field where known. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "The request body could not be read as the JSON this request takes.");
        if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            refusedField(problem, field(mapping.getPath()), message(mapping));
        }
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A path or query value of the wrong kind (a case number that is not one, an unknown stage): a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException argument ? argument.getName()
                : String.valueOf(ex.getPropertyName());
        String sent = String.valueOf(ex.getValue());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The " + name + " '"
                + (sent.length() <= 60 ? sent : sent.substring(0, 60) + "…") + "' is not valid.");
        refusedField(problem, name, ValueKinds.expected(ex.getRequiredType()));
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** A query value the request cannot go without (an upload's file name): a 400 naming it. */
    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", "The value of "
                + ex.getParameterName() + " is missing.");
        refusedField(problem, ex.getParameterName(), "is required");
        return handleExceptionInternal(ex, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** The one field a refusal names, in the shape every refused field has: {@code errors: [{field, message}]}. */
    private static void refusedField(ProblemDetail problem, String field, String message) {
        problem.setProperty("errors", List.of(Map.of("field", field, "message", message)));
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else {
                field.append('[').append(step.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private static String message(JsonMappingException mapping) {
        if (mapping instanceof RequestBodies.RefusedText) {
            return mapping.getOriginalMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return ValueKinds.expected(mismatch.getTargetType());
        }
        return "could not be read";
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException ex) {
        return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this request");
    }

    /**
     * Two changes of one record at once (a stale version, or the database's deadlock victim): the later one is
     * refused whole, and may simply be sent again.
     */
    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail changedMeanwhile(ConcurrencyFailureException ex) {
        log.info("Refused a change made at the same time as another: {}", ex.getMessage());
        return problem(HttpStatus.CONFLICT, "Changed meanwhile", ApiProblem.CHANGED_MEANWHILE);
    }

    /** Requests that read from the engine (incidents, for instance) fail while it is unreachable. */
    @ExceptionHandler(ClientException.class)
    ProblemDetail engineUnavailable(ClientException ex) {
        log.warn("The process engine did not answer", ex);
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Process engine unavailable",
                "The process engine did not answer, so this could not be looked up. Try again in a moment.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception ex) {
        log.error("Unexpected error", ex);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                ApiProblem.UNEXPECTED);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
