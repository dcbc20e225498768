package org.palflow.platform.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a value sent in a body, a query or an address must be, in words a client or a person can act on. */
final class ValueKinds {

    private ValueKinds() {
    }

    /** For a value that could not be read as this type: an enumeration's choices, a number, true or false, a date. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "is not valid";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "));
        }
        if (type == Long.class || type == long.class) {
            return "must be a whole number up to " + Long.MAX_VALUE;
        }
        if (type == Integer.class || type == int.class) {
            return "must be a whole number up to " + Integer.MAX_VALUE;
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == LocalDate.class) {
            return "must be a date written as year-month-day, such as 2027-03-04";
        }
        return "is not a valid " + type.getSimpleName();
    }
}
