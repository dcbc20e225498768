package org.palflow.drafting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what would identify the candidate, school, district, staff or students in a file's text (DOMAIN
 * "Blinding"): names known from registration and the draft's roster, honorific plus surname, e-mail addresses,
 * and web addresses (allowed only as citations, so those are warnings).
 */
final class BlindingCheck {

    private static final Pattern HONORIFIC = Pattern.compile("\\b(Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+[A-Z][a-z]+(?:-[A-Z][a-z]+)?");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s)\\]]+");
    private static final int MAX_PER_RULE = 3;
    private static final String REDACTED = "[redacted]";

    private BlindingCheck() {
    }

    /** Names to look for: each full name, and each part of a person's name on its own (a bare first name). */
    static Set<String> identifyingTerms(List<String> people, List<String> places) {
        Set<String> terms = new LinkedHashSet<>();
        for (String person : people) {
            terms.add(person);
            for (String part : person.split("\\s+")) {
                if (part.length() >= 3) {
                    terms.add(part);
                }
            }
        }
        terms.addAll(places);
        return terms;
    }

    /**
     * What a scorer may read: the text with every identifying term, honorific and surname, and e-mail address
     * replaced by a neutral mark, longest terms first so a full name goes before its parts.
     */
    static String redact(String text, Set<String> identifyingTerms) {
        String redacted = text;
        List<String> longestFirst = identifyingTerms.stream()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed()).toList();
        for (String term : longestFirst) {
            redacted = termPattern(term).matcher(redacted).replaceAll(REDACTED);
        }
        redacted = HONORIFIC.matcher(redacted).replaceAll(REDACTED);
        return EMAIL.matcher(redacted).replaceAll(REDACTED);
    }

    /** The term as a whole word: "Lee" is not found in "Leeds", nor "123" in "20123" or "x0123". */
    private static Pattern termPattern(String term) {
        return Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + Pattern.quote(term) + "(?![\\p{L}\\p{N}])");
    }

    static List<ReadinessFinding> check(String text, String part, String file, Set<String> identifyingTerms) {
        List<ReadinessFinding> findings = new ArrayList<>();
        String folded = foldAsciiCase(text);
        for (String term : identifyingTerms) {
            if (!folded.contains(foldAsciiCase(term))) {
                continue; // a plain search rules most terms out; the pattern tries a lookbehind at every character
            }
            Matcher matcher = termPattern(term).matcher(text);
            if (matcher.find()) {
                findings.add(ReadinessFinding.blocking("blinding-name", part, file, null, "\"" + term
                        + "\" identifies a person or place; use generic labels (Principal A, School B, Teacher C).")
                        .withExcerpt(excerpt(text, matcher.start(), matcher.end())));
            }
        }
        add(findings, HONORIFIC.matcher(text), text, match -> ReadinessFinding.blocking("blinding-honorific", part,
                file, null, "\"" + match + "\" names a person; use a generic label such as Teacher C."));
        if (text.indexOf('@') >= 0) {
            add(findings, EMAIL.matcher(text), text, match -> ReadinessFinding.blocking("blinding-email", part, file,
                    null, "The e-mail address " + match + " identifies someone; remove it."));
        }
        add(findings, URL.matcher(text), text, match -> ReadinessFinding.warning("web-address", part, file,
                "The web address " + match + " may appear only as a citation, never in place of evidence or to "
                        + "identify the school."));
        return findings;
    }

    /**
     * A to Z made lower case and nothing else, as a pattern's {@code (?i)} does without {@code UNICODE_CASE}: a text
     * that does not contain a term folded this way cannot match the term's pattern.
     */
    private static String foldAsciiCase(String value) {
        char[] chars = value.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] += 'a' - 'A';
            }
        }
        return new String(chars);
    }

    private static void add(List<ReadinessFinding> findings, Matcher matcher, String text,
            java.util.function.Function<String, ReadinessFinding> finding) {
        for (int found = 0; found < MAX_PER_RULE && matcher.find(); found++) {
            findings.add(finding.apply(matcher.group()).withExcerpt(excerpt(text, matcher.start(), matcher.end())));
        }
    }

    static boolean containsWebAddress(String text) {
        return URL.matcher(text).find();
    }

    private static String excerpt(String text, int start, int end) {
        int from = Math.max(0, start - 40);
        int to = Math.min(text.length(), end + 40);
        return (from > 0 ? "…" : "") + text.substring(from, to).replaceAll("\\s+", " ").strip()
                + (to < text.length() ? "…" : "");
    }
}
