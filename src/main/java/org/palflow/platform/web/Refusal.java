package org.palflow.platform.web;

import jakarta.validation.ConstraintViolation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Why a page's form was refused, in the words of the rule that refused it: the same text as the API's problem
 * detail, with each field's message. Pages show the summary at the top (linking to each field) and the messages
 * beside the fields, as the design system's validation pattern does.
 */
public record Refusal(String summary, Map<String, String> fields, List<String> others) {

    public static Refusal none() {
        return new Refusal(null, Map.of(), List.of());
    }

    public boolean isEmpty() {
        return summary == null;
    }

    public String field(String name) {
        return fields.get(name);
    }

    public static Refusal of(ApiProblem problem) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> others = new ArrayList<>();
        Map<String, Object> properties = problem.getBody().getProperties();
        if (properties != null && properties.get("errors") instanceof Collection<?> errors) {
            for (Object error : errors) {
                if (error instanceof Map<?, ?> fieldError && fieldError.get("field") != null) {
                    fields.putIfAbsent(String.valueOf(fieldError.get("field")), String.valueOf(fieldError.get("message")));
                } else {
                    others.add(String.valueOf(error));
                }
            }
        }
        return new Refusal(problem.getBody().getDetail(), fields, others);
    }

    /**
     * Bean Validation's findings, named by the form's fields; {@code aliases} maps a validated property to the form
     * field that carries it.
     */
    public static Refusal of(Collection<? extends ConstraintViolation<?>> violations, Map<String, String> aliases) {
        if (violations.isEmpty()) {
            return none();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : violations) {
            String property = violation.getPropertyPath().toString();
            fields.putIfAbsent(aliases.getOrDefault(property, property), violation.getMessage());
        }
        return new Refusal("The form has " + fields.size() + " field(s) to correct.", fields, List.of());
    }
}
