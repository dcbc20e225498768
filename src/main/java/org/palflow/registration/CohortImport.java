package org.palflow.registration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.palflow.platform.data.StoreOrFind;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a cohort from CSV in one call. Every row is checked first, against the same rules the
 * registration process applies; one bad row means nothing from the file is stored.
 */
@Service
class CohortImport {

    static final List<String> COLUMNS = List.of("full_name", "email", "district", "school", "handbook_version",
            "policies_confirmed");
    static final int MAX_ROWS = 5_000;

    private final RegistrationRepository registrations;
    private final RegistrationRules rules;
    private final RegistrationService service;
    private final Validator validator;
    private final Clock clock;
    private final TransactionTemplate transactions;

    CohortImport(RegistrationRepository registrations, RegistrationRules rules, RegistrationService service,
            Validator validator, Clock clock, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.registrations = registrations;
        this.rules = rules;
        this.service = service;
        this.validator = validator;
        this.clock = clock;
    }

    enum Outcome { CREATED, ALREADY_REGISTERED }

    record Row(int line, Registration registration, Outcome outcome) {
    }

    private record Parsed(int line, RegistrationRules.Placed placed) {

        RegistrationDetails details() {
            return placed.details();
        }
    }

    /** A line of the file as it would be imported. */
    record PreviewRow(int line, String fullName, String email, String school, String district,
            boolean alreadyRegistered) {
    }

    /** What importing the file would do, and every problem by line number; nothing is stored. */
    record Preview(List<PreviewRow> rows, List<Map<String, Object>> problems) {

        public boolean importable() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    private record Checked(List<Parsed> rows, List<Map<String, Object>> problems, Map<String, Registration> open) {
    }

    @Transactional(readOnly = true)
    Preview preview(String programCode, String cohortCode, String csv) {
        Checked checked = check(programCode, cohortCode, csv);
        return new Preview(checked.rows().stream().map(row -> new PreviewRow(row.line(), row.details().fullName(),
                row.details().email(), row.details().school(), row.details().district(),
                checked.open().containsKey(row.details().email()))).toList(), checked.problems());
    }

    /**
     * Registers every row in one transaction, or none. The same candidates imported twice at once (a double click,
     * a script retrying) meet at the address's unique key: the second import, run again, finds the first one's
     * registrations and reports them as already registered.
     */
    List<Row> importCsv(String programCode, String cohortCode, String csv, Actor actor) {
        return StoreOrFind.inTransaction(transactions, status -> importOnce(programCode, cohortCode, csv, actor));
    }

    private List<Row> importOnce(String programCode, String cohortCode, String csv, Actor actor) {
        Checked checked = check(programCode, cohortCode, csv);
        List<Map<String, Object>> errors = checked.problems();
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("Nothing was imported: " + errors.size() + " problem(s) in the file", errors);
        }
        List<Parsed> rows = checked.rows();
        Map<String, Registration> open = checked.open();
        Instant now = Instant.now(clock);
        List<Row> result = new ArrayList<>();
        for (Parsed row : rows) {
            Registration existing = open.get(row.details().email());
            result.add(existing != null
                    ? new Row(row.line(), existing, Outcome.ALREADY_REGISTERED)
                    : new Row(row.line(), service.store(new Registration(row.placed(), actor.username(), now)),
                            Outcome.CREATED));
        }
        registrations.flush();
        return result;
    }

    /** Every row checked against the registration rules; a problem with the cohort or the header is refused. */
    private Checked check(String programCode, String cohortCode, String csv) {
        List<String> cohortProblems = rules.programAndCohortViolations(programCode, cohortCode);
        if (!cohortProblems.isEmpty()) {
            throw ApiProblem.invalid("Nothing was imported: " + String.join(" ", cohortProblems),
                    cohortProblems.stream().map(message -> Map.of("message", message)).toList());
        }
        List<Map<String, Object>> errors = new ArrayList<>();
        List<Parsed> rows = parse(programCode, cohortCode, csv, errors);
        checkRows(rows, errors);
        errors.sort(Comparator.comparing(error -> (Integer) error.get("line")));
        Map<String, Registration> open = new HashMap<>();
        registrations.findByEmailInAndStatusIn(rows.stream().map(row -> row.details().email()).toList(),
                RegistrationService.OPEN).forEach(existing -> open.put(existing.getEmail(), existing));
        return new Checked(rows, errors, open);
    }

    private List<Parsed> parse(String programCode, String cohortCode, String csv, List<Map<String, Object>> errors) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        String text = readableText(csv);
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> missing = COLUMNS.stream().filter(column -> !parser.getHeaderMap().containsKey(column)).toList();
            if (!missing.isEmpty()) {
                List<String> header = parser.getHeaderNames();
                boolean semicolons = header.size() == 1 && header.get(0).contains(";");
                throw ApiProblem.invalid("Nothing was imported: the header (line 1) lacks " + missing
                        + "; expected columns " + COLUMNS + (semicolons ? ". The values are separated by semicolons: "
                        + "save the file with commas between them (CSV, comma-separated)" : ""),
                        List.of(Map.of("line", 1, "message", "missing column(s) " + String.join(", ", missing))));
            }
            List<Parsed> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                int line = (int) record.getRecordNumber() + 1;
                if (rows.size() == MAX_ROWS) {
                    errors.add(error(line, "A file may hold at most " + MAX_ROWS + " candidates."));
                    break;
                }
                if (!record.isConsistent()) {
                    errors.add(error(line, "expected " + COLUMNS.size() + " values, found " + record.size()));
                    continue;
                }
                Boolean confirmed = switch (record.get("policies_confirmed").toLowerCase()) {
                    case "true", "yes" -> true;
                    case "false", "no" -> false;
                    default -> null;
                };
                RegistrationDetails details = new RegistrationDetails(record.get("full_name"), record.get("email"),
                        programCode, cohortCode, record.get("district"), record.get("school"),
                        record.get("handbook_version"), confirmed).normalized();
                Set<ConstraintViolation<RegistrationDetails>> violations = validator.validate(details);
                violations.forEach(violation -> errors.add(error(line,
                        column(violation.getPropertyPath().toString()) + ": " + violation.getMessage())));
                if (violations.isEmpty()) {
                    rules.place(details, (field, message) -> errors.add(error(line, column(field) + ": " + message)))
                            .ifPresent(placed -> rows.add(new Parsed(line, placed)));
                }
            }
            if (rows.isEmpty() && errors.isEmpty()) {
                errors.add(error(1, "The file holds no candidates."));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (UncheckedIOException malformed) {
            // Commons CSV reports a malformed record (an unclosed quote) while iterating, as an I/O failure.
            String reason = String.valueOf(malformed.getCause() == null ? malformed.getMessage()
                    : malformed.getCause().getMessage());
            throw ApiProblem.invalid("Nothing was imported: the file is not valid CSV (" + reason + ")",
                    List.of(Map.of("line", lineOf(reason), "message", reason)));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw ApiProblem.invalid("Nothing was imported: the file is not valid CSV (" + e.getMessage() + ")",
                    List.of(Map.of("message", String.valueOf(e.getMessage()))));
        }
    }

    /**
     * The file's text without the byte-order mark (U+FEFF) Excel writes at the start of a "CSV UTF-8" file: the first
     * column's name would begin with it and not be found. A file saved in another encoding, read as UTF-8, holds
     * replacement characters where its accented letters were: refused, naming the first such line, not stored so.
     */
    private static String readableText(String csv) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        int unreadable = text.indexOf('\uFFFD');
        if (unreadable >= 0) {
            int line = (int) text.substring(0, unreadable).chars().filter(c -> c == '\n').count() + 1;
            String message = "line " + line + " holds a character that is not UTF-8 text; save the file as "
                    + "\"CSV UTF-8\" and send it again";
            throw ApiProblem.invalid("Nothing was imported: " + message, List.of(Map.of("line", line,
                    "message", message)));
        }
        return text;
    }

    /** The line number Commons CSV names in its message ("... at line 3"), or 1 when it names none. */
    private static int lineOf(String reason) {
        java.util.regex.Matcher line = java.util.regex.Pattern.compile("line (\\d+)").matcher(reason);
        return line.find() ? Integer.parseInt(line.group(1)) : 1;
    }

    private void checkRows(List<Parsed> rows, List<Map<String, Object>> errors) {
        Map<String, Integer> firstLineOfEmail = new HashMap<>();
        Map<String, Integer> firstLineOfPerson = new HashMap<>();
        for (Parsed row : rows) {
            RegistrationDetails details = row.details();
            Integer sameEmail = firstLineOfEmail.putIfAbsent(details.email(), row.line());
            if (sameEmail != null) {
                errors.add(error(row.line(), "email " + details.email() + " already appears on line " + sameEmail));
                continue;
            }
            String person = (details.fullName() + "|" + details.district()).toLowerCase();
            Integer samePerson = firstLineOfPerson.putIfAbsent(person, row.line());
            if (samePerson != null) {
                errors.add(error(row.line(), details.fullName() + " of " + details.district()
                        + " already appears on line " + samePerson + " with another e-mail address"));
                continue;
            }
            service.findOpen(details.email()).ifPresentOrElse(existing -> {
                if (!existing.details().equals(details)) {
                    errors.add(error(row.line(), "email " + details.email() + " is already registered (case "
                            + existing.getId() + ") with other details"));
                }
            }, () -> rules.violations(details).forEach(reason -> errors.add(error(row.line(), reason))));
        }
    }

    private static String column(String property) {
        return property.replaceAll("([A-Z])", "_$1").toLowerCase();
    }

    private static Map<String, Object> error(int line, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("line", line);
        error.put("message", message);
        return error;
    }
}
