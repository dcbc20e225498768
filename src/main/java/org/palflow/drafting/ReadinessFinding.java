package org.palflow.drafting;

/**
 * One thing the readiness report found. Blocking findings stop submission; warnings need acknowledging.
 * {@code conditionCode} is the handbook's code the problem would earn from scorers, where there is one.
 */
public record ReadinessFinding(Severity severity, String rule, String part, String file, String conditionCode,
        String message, String excerpt) {

    public enum Severity { BLOCKING, WARNING }

    static ReadinessFinding blocking(String rule, String part, String file, String conditionCode, String message) {
        return new ReadinessFinding(Severity.BLOCKING, rule, part, file, conditionCode, message, null);
    }

    static ReadinessFinding warning(String rule, String part, String file, String message) {
        return new ReadinessFinding(Severity.WARNING, rule, part, file, null, message, null);
    }

    ReadinessFinding withExcerpt(String excerpt) {
        return new ReadinessFinding(severity, rule, part, file, conditionCode, message, excerpt);
    }
}
