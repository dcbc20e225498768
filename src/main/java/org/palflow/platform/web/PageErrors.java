package org.palflow.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpMethod;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A page request with a value of the wrong kind or without one it needs (a link typed by hand or out of date: an
 * unknown stage, a case number that is not one) gets the error page naming the value and what it takes, and a change
 * refused because another changed the same record at once says so; both in the words of the API's problem.
 */
@ControllerAdvice(annotations = PageController.class)
class PageErrors {

    /** A path or query value read on its own. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    void wrongKind(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        refuse(request, response, ex.getName() + " " + ValueKinds.expected(ex.getRequiredType()));
    }

    /** Only by hand: every page's form sends the values it asks for. */
    @ExceptionHandler(MissingServletRequestParameterException.class)
    void missing(MissingServletRequestParameterException ex, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        refuse(request, response, ex.getParameterName() + " is required");
    }

    /** Values read into a query or form object: the first one refused. */
    @ExceptionHandler(BindException.class)
    void unreadable(BindException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        FieldError error = ex.getFieldError();
        refuse(request, response, error == null ? "a value is not valid" : error.getField() + " "
                + (error.isBindingFailure() ? ValueKinds.expected(ex.getFieldType(error.getField()))
                : error.getDefaultMessage()));
    }

    /** As the API answers it: the later of two changes made at once is refused whole. */
    @ExceptionHandler(ConcurrencyFailureException.class)
    void changedMeanwhile(HttpServletResponse response) throws IOException {
        response.sendError(HttpServletResponse.SC_CONFLICT, ApiProblem.CHANGED_MEANWHILE);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String refusal)
            throws IOException {
        String where = HttpMethod.GET.matches(request.getMethod()) ? "In this address, " : "In this form, ";
        response.sendError(HttpServletResponse.SC_BAD_REQUEST, where + refusal + ".");
    }
}
