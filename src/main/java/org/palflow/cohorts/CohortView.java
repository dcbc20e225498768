package org.palflow.cohorts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.palflow.licensure.LicensureRules;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.palflow.program.Programs;
import org.palflow.scoring.ScoreStanding;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cohort at a glance for its coordinator: per candidate the registration, the mentor, each task's stage, the
 * licensure decision and what puts them at risk. It reads the features' published read models (the views of
 * migration V14), never their tables. Filters and counts select on its own projection ({@link CohortFacts}); one
 * page costs a count, the page, and one query per kind of fact for all candidates on it (no per-candidate queries).
 */
@Service
public class CohortView {

    public record TaskLine(int task, String stage, BigDecimal score, List<String> conditionCodes) {

        /** The stage in the words the pages use: "Drafting: Investigate (waiting for review)", "Scored 2.85". */
        public String label() {
            if (stage.startsWith("DRAFTING")) {
                String[] open = stage.substring("DRAFTING".length()).replace(":", "").strip().split(" ");
                return open[0].isEmpty() ? "Drafting" : "Drafting: " + capitalized(open[0]) + switch (open[1]) {
                    case "MARKED_DONE" -> " (waiting for review)";
                    case "RETURNED" -> " (returned)";
                    default -> "";
                };
            }
            return switch (stage) {
                case "NOT_STARTED" -> "Not started";
                case "SUBMITTED" -> "Submitted, waiting for a window";
                case "IN_WINDOW" -> "Submitted, in a window";
                case "SCORING" -> "In scoring";
                case "ADMINISTRATIVE_REVIEW" -> "Administrative review";
                case "VOIDED" -> "Voided";
                case "RESCORING" -> "Rescoring requested (" + score + ")";
                case "INCOMPLETE" -> "Incomplete (" + String.join(", ", conditionCodes) + ")";
                case "SCORED" -> "Scored " + score;
                case "EXPIRED" -> "Expired (scored " + score + ")";
                default -> capitalized(stage);
            };
        }

        private static String capitalized(String code) {
            String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

    public record CandidateLine(long candidateId, String fullName, String registrationStatus, String mentor,
            List<TaskLine> tasks, String decision, BigDecimal average, List<String> atRisk) {
    }

    public record Page(String program, String cohort, int page, int size, long total, List<CandidateLine> candidates) {
    }

    /** One of a coordinator's cohorts and how many candidates it has. */
    public record CohortSummary(String program, String programName, String cohort, String cohortName,
            boolean accepting, long candidates) {
    }

    /**
     * {@code atRiskOnly}: only candidates with a reason to act; {@code status}: registration status; {@code name}: a
     * part of the name; {@code task} and {@code stage}: only those whose task stands at that stage.
     */
    public record Filter(boolean atRiskOnly, String status, String name, Integer task, TaskStage stage) {

        public Filter {
            if (task != null && (task < 1 || task > 4)) {
                throw ApiProblem.invalid("The filter is not valid.", List.of("task must be 1, 2, 3 or 4"));
            }
        }

        public static Filter none() {
            return new Filter(false, null, null, null, null);
        }
    }

    /** Where a task stands, in the few steps a coordinator filters and counts by. */
    public enum TaskStage {
        NOT_STARTED("Not started"), DRAFTING("Drafting"), IN_SCORING("Submitted, not yet reported"),
        SCORED("Scored"), EXPIRED("Score expired"), INCOMPLETE("Incomplete");

        private final String label;

        TaskStage(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Sort {
        REGISTERED("r.candidate_id"), NAME("r.full_name");

        private final String column;

        Sort(String column) {
            this.column = column;
        }

        String orderBy(boolean descending) {
            String direction = descending ? " DESC" : "";
            return column + direction + (this == REGISTERED ? "" : ", r.candidate_id" + direction);
        }
    }

    /** How many of a cohort's candidates stand at each stage of one task. */
    public record StageCounts(int task, Map<TaskStage, Long> counts) {

        public long count(TaskStage stage) {
            return counts.getOrDefault(stage, 0L);
        }
    }

    /** How far ahead an expiring score puts a candidate at risk. */
    static final Period EXPIRY_WARNING = Period.ofYears(1);
    /** A cohort's candidates with the facts the filters select on ({@link CohortFacts}). */
    private static final String CANDIDATES = """
            registration_candidate r LEFT JOIN cohort_candidate_facts f ON f.candidate_id = r.candidate_id
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final PalCalendar calendar;
    private final java.time.Duration mentorSilentAfter;
    private final Programs programs;

    CohortView(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock, PalCalendar calendar,
            CohortsProperties properties, Programs programs) {
        this.programs = programs;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
        this.mentorSilentAfter = properties.mentorSilentAfter();
    }

    /** Coordinators see the cohorts of the programs they coordinate; admins see every cohort. */
    @Transactional(readOnly = true)
    public List<CohortSummary> cohortsVisibleTo(Actor actor) {
        return cohortsOf(actor.is(Role.ADMIN) ? null : actor.email());
    }

    /** Refuses, as not found, a program the person neither coordinates nor administers. */
    public void checkCoordinates(String program, Actor actor) {
        programs.program(program).filter(found -> actor.is(Role.ADMIN) || found.isCoordinatedBy(actor.email()))
                .orElseThrow(() -> ApiProblem.notFound("No program " + program + " that you coordinate."));
    }

    /** The cohorts of the programs this e-mail address coordinates, or of every program when it is null. */
    private List<CohortSummary> cohortsOf(String coordinatorEmail) {
        return jdbc.query("""
                SELECT c.program_code, c.program_name, c.cohort_code, c.cohort_name, c.accepting,
                       COUNT(r.candidate_id)
                  FROM program_cohort c
                  LEFT JOIN registration_candidate r
                         ON r.program_code = c.program_code AND r.cohort_code = c.cohort_code
                 WHERE :email IS NULL OR LOWER(c.coordinator_email) = LOWER(:email)
                 GROUP BY c.program_code, c.program_name, c.cohort_code, c.cohort_name, c.accepting
                 ORDER BY c.program_code, c.cohort_code
                """, new MapSqlParameterSource("email", coordinatorEmail), (row, n) -> new CohortSummary(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5),
                row.getLong(6)));
    }

    /** How many of a cohort's candidates have a reason to act. */
    @Transactional(readOnly = true)
    public long atRiskCount(String program, String cohort) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM cohort_candidate_facts f WHERE f.program_code = :program "
                + "AND f.cohort_code = :cohort AND " + CohortFacts.AT_RISK, parameters(program, cohort,
                        calendar.today()), Long.class);
    }

    /** For each task, how many of the cohort's accepted or pending candidates stand at each stage. */
    @Transactional(readOnly = true)
    public List<StageCounts> stageCounts(String program, String cohort) {
        MapSqlParameterSource params = parameters(program, cohort, calendar.today());
        long candidates = jdbc.queryForObject("SELECT COUNT(*) FROM registration_candidate r "
                + "WHERE r.program_code = :program AND r.cohort_code = :cohort", params, Long.class);
        Map<Integer, Map<TaskStage, Long>> byTask = new java.util.TreeMap<>();
        for (int task = 1; task <= 4; task++) {
            Map<TaskStage, Long> counts = new java.util.EnumMap<>(TaskStage.class);
            for (TaskStage stage : TaskStage.values()) {
                counts.put(stage, 0L);
            }
            counts.put(TaskStage.NOT_STARTED, candidates);
            byTask.put(task, counts);
        }
        // Counted from NOT_STARTED down, so a candidate without facts (written straight into the database and not
        // yet filled in) counts as not started.
        jdbc.query("SELECT " + CohortFacts.stageToday(1) + ", " + CohortFacts.stageToday(2) + ", "
                + CohortFacts.stageToday(3) + ", " + CohortFacts.stageToday(4) + ", COUNT(*) "
                + "FROM cohort_candidate_facts f WHERE f.program_code = :program AND f.cohort_code = :cohort "
                + "GROUP BY 1, 2, 3, 4", params, row -> {
                    for (int task = 1; task <= 4; task++) {
                        TaskStage stage = TaskStage.valueOf(row.getString(task));
                        if (stage != TaskStage.NOT_STARTED) {
                            Map<TaskStage, Long> counts = byTask.get(task);
                            counts.merge(stage, row.getLong(5), Long::sum);
                            counts.merge(TaskStage.NOT_STARTED, -row.getLong(5), Long::sum);
                        }
                    }
                });
        return byTask.entrySet().stream().map(entry -> new StageCounts(entry.getKey(), entry.getValue())).toList();
    }

    /** Every line the filter selects, in order, read a page at a time (for exports). */
    @Transactional(readOnly = true)
    public void forEachLine(String program, String cohort, Filter filter, Sort sort, boolean descending,
            java.util.function.Consumer<CandidateLine> consumer) {
        int size = 500;
        for (int page = 0; ; page++) {
            Page lines = page(program, cohort, filter, sort, descending, page, size);
            lines.candidates().forEach(consumer);
            if ((long) (page + 1) * size >= lines.total()) {
                return;
            }
        }
    }

    @Transactional(readOnly = true)
    public Page page(String program, String cohort, Filter filter, int page, int size) {
        return page(program, cohort, filter, Sort.REGISTERED, false, page, size);
    }

    @Transactional(readOnly = true)
    public Page page(String program, String cohort, Filter filter, Sort sort, boolean descending, int page,
            int size) {
        LocalDate today = calendar.today();
        MapSqlParameterSource params = parameters(program, cohort, today)
                .addValue("limit", size).addValue("offset", (long) page * size);
        StringBuilder onRegistration = new StringBuilder();
        if (filter.status() != null) {
            onRegistration.append(" AND r.status = :status");
            params.addValue("status", filter.status());
        }
        if (filter.name() != null) {
            onRegistration.append(" AND r.full_name LIKE :name ESCAPE '!'");
            params.addValue("name", "%" + filter.name().replaceAll("[!%_]", "!$0") + "%");
        }
        StringBuilder onFacts = new StringBuilder();
        if (filter.task() != null && filter.stage() != null) {
            onFacts.append(" AND ").append(CohortFacts.stageToday(filter.task())).append(" = :stage");
            params.addValue("stage", filter.stage().name());
        }
        if (filter.atRiskOnly()) {
            onFacts.append(" AND ").append(CohortFacts.AT_RISK);
        }
        String orderBy = " ORDER BY " + sort.orderBy(descending);
        String paging = " LIMIT :limit OFFSET :offset";
        // Selected by facts alone, the projection is counted (and, in order of registration, paged) without the
        // registrations: every registration has its facts from the transaction that stored it, older ones are filled
        // in at start.
        String selectedByFacts = "FROM cohort_candidate_facts f WHERE f.program_code = :program "
                + "AND f.cohort_code = :cohort" + onFacts;
        String where = " WHERE r.program_code = :program AND r.cohort_code = :cohort" + onRegistration + onFacts;
        boolean factsAlone = !onFacts.isEmpty() && onRegistration.isEmpty();
        long total = jdbc.queryForObject(factsAlone ? "SELECT COUNT(*) " + selectedByFacts
                : "SELECT COUNT(*) FROM " + CANDIDATES + where, params, Long.class);
        String lineQuery = factsAlone && sort == Sort.REGISTERED
                ? "SELECT r.candidate_id, r.full_name, r.status FROM (SELECT f.candidate_id AS candidate_id "
                        + selectedByFacts + " ORDER BY f.candidate_id" + (descending ? " DESC" : "") + paging + ") p "
                        + "JOIN registration_candidate r ON r.candidate_id = p.candidate_id" + orderBy
                : "SELECT r.candidate_id, r.full_name, r.status FROM " + CANDIDATES + where + orderBy + paging;
        List<CandidateLine> lines = new ArrayList<>();
        Map<Long, Integer> position = new HashMap<>();
        jdbc.query(lineQuery, params, row -> {
            position.put(row.getLong(1), lines.size());
            lines.add(new CandidateLine(row.getLong(1), row.getString(2), row.getString(3), null, new ArrayList<>(),
                    null, null, new ArrayList<>()));
        });
        if (lines.isEmpty()) {
            return new Page(program, cohort, page, size, total, List.of());
        }
        Facts facts = new Facts(lines, position);
        params.addValue("ids", position.keySet());
        mentors(params, facts);
        tasks(params, facts, today);
        decisions(params, facts);
        return new Page(program, cohort, page, size, total, facts.lines());
    }

    private MapSqlParameterSource parameters(String program, String cohort, LocalDate today) {
        return new MapSqlParameterSource().addValue("program", program).addValue("cohort", cohort)
                .addValue("threshold", ScoreStanding.THRESHOLD)
                .addValue("passingAverage", LicensureRules.PASSING_AVERAGE)
                .addValue("mentorSilentSince", Timestamp.from(clock.instant().minus(mentorSilentAfter)))
                .addValue("expiryWarning", today.plus(EXPIRY_WARNING)).addValue("today", today);
    }

    private void mentors(MapSqlParameterSource params, Facts facts) {
        jdbc.query("SELECT candidate_id, mentor_name FROM mentoring_mentor WHERE candidate_id IN (:ids)", params,
                row -> {
                    String mentor = row.getString(2);
                    facts.update(row.getLong(1), line -> withMentor(line, mentor));
                });
        jdbc.query("SELECT candidate_id, mentor_name, proposed_at FROM mentoring_pending_proposal "
                + "WHERE candidate_id IN (:ids)", params, row -> {
                    java.time.Instant proposedAt = row.getTimestamp(3).toInstant();
                    boolean overdue = proposedAt.isBefore(clock.instant().minus(mentorSilentAfter));
                    String mentor = row.getString(2);
                    facts.update(row.getLong(1), line -> {
                        if (overdue) {
                            line.atRisk().add("mentor " + mentor + " has not answered the proposal of "
                                    + calendar.dateOf(proposedAt));
                        }
                        return line.mentor() == null ? withMentor(line, mentor + " (proposed)") : line;
                    });
                });
    }

    /** Each task's latest draft, what became of its submission, and the standing score. */
    private void tasks(MapSqlParameterSource params, Facts facts, LocalDate today) {
        Map<Long, Map<Integer, String[]>> latest = new HashMap<>();
        jdbc.query("""
                SELECT a.candidate_id, a.task_number, a.draft_status, a.submission_id, s.case_status,
                       s.rescoring_status, CONCAT(c.component, ' ', c.status)
                  FROM drafting_latest_attempt a
                  LEFT JOIN scoring_submission_standing s ON s.submission_id = a.submission_id
                  LEFT JOIN drafting_open_component c ON c.draft_id = a.draft_id
                 WHERE a.candidate_id IN (:ids)
                """, params, row -> {
                    latest.computeIfAbsent(row.getLong(1), id -> new HashMap<>()).put(row.getInt(2), new String[] {
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7)});
                });
        Map<Long, Object[]> scores = new HashMap<>();
        jdbc.query("SELECT s.submission_id, s.task_score, s.result, s.valid_until FROM scoring_submission_standing s "
                + "WHERE s.candidate_id IN (:ids) AND s.valid_until IS NOT NULL", params, row -> {
                    scores.put(row.getLong(1), new Object[] {row.getBigDecimal(2), row.getString(3),
                        row.getDate(4).toLocalDate()});
                });
        facts.position().keySet().forEach(candidateId -> facts.update(candidateId, line -> {
            Map<Integer, String[]> byTask = latest.getOrDefault(candidateId, Map.of());
            for (int task = 1; task <= 4; task++) {
                String[] draft = byTask.get(task);
                line.tasks().add(draft == null ? new TaskLine(task, "NOT_STARTED", null, List.of())
                        : taskLine(task, draft, scores, today, line.atRisk()));
            }
            return line;
        }));
    }

    private TaskLine taskLine(int task, String[] draft, Map<Long, Object[]> scores, LocalDate today,
            List<String> atRisk) {
        if (draft[0].equals("DRAFTING")) {
            return new TaskLine(task, "DRAFTING" + (draft[4] == null ? "" : ": " + draft[4]), null, List.of());
        }
        String caseStatus = draft[2];
        if (caseStatus == null || caseStatus.equals("WAITING_FOR_WINDOW")) {
            return new TaskLine(task, "SUBMITTED", null, List.of());
        }
        if (!caseStatus.equals("REPORTED")) {
            return new TaskLine(task, switch (caseStatus) {
                case "IN_WINDOW" -> "IN_WINDOW";
                case "IN_REVIEW" -> "ADMINISTRATIVE_REVIEW";
                case "VOIDED" -> "VOIDED";
                default -> "SCORING";
            }, null, List.of());
        }
        Object[] score = scores.get(Long.valueOf(draft[1]));
        BigDecimal value = score == null ? null : (BigDecimal) score[0];
        List<String> codes = score == null || value != null ? List.of() : conditionCodes((String) score[1]);
        ScoreStanding standing = new ScoreStanding(value, (LocalDate) score[2]);
        if (standing.incomplete()) {
            atRisk.add("Task " + task + " is Incomplete (" + String.join(", ", codes) + ")");
        } else if (!standing.meetsThreshold()) {
            atRisk.add("Task " + task + " scored " + ScoreStanding.shown(value) + ", below " + ScoreStanding.threshold());
        } else if (!standing.validOn(today)) {
            atRisk.add("Task " + task + " score expired on " + standing.expiresOn());
        } else if (standing.expiresWithin(EXPIRY_WARNING, today)) {
            atRisk.add("Task " + task + " score expires on " + standing.expiresOn());
        }
        String stage = "REQUESTED".equals(draft[3]) ? "RESCORING" : value == null ? "INCOMPLETE"
                : standing.validOn(today) ? "SCORED" : "EXPIRED";
        return new TaskLine(task, stage, ScoreStanding.shown(value), codes);
    }

    private void decisions(MapSqlParameterSource params, Facts facts) {
        jdbc.query("SELECT candidate_id, passed, average FROM licensure_latest_decision WHERE candidate_id IN (:ids)",
                params, row -> {
                    boolean passed = row.getBoolean(2);
                    BigDecimal average = row.getBigDecimal(3);
                    facts.update(row.getLong(1), line -> {
                        if (!passed && average != null
                                && !ScoreStanding.reaches(average, LicensureRules.PASSING_AVERAGE)) {
                            line.atRisk().add("Average " + LicensureRules.shownAverage(average).toPlainString()
                                    + " is below the " + LicensureRules.PASSING_AVERAGE + " needed to pass");
                        }
                        return new CandidateLine(line.candidateId(), line.fullName(), line.registrationStatus(),
                                line.mentor(), line.tasks(), passed ? "PASSED" : "NOT_YET_PASSED",
                                LicensureRules.shownAverage(average),
                                line.atRisk());
                    });
                });
    }

    private List<String> conditionCodes(String result) {
        try {
            List<String> codes = new ArrayList<>();
            json.readTree(result).path("conditionCodes").forEach((JsonNode code) -> codes.add(code.asText()));
            return codes;
        } catch (JsonProcessingException e) {
            return List.of();
        }
    }

    private static CandidateLine withMentor(CandidateLine line, String mentor) {
        return new CandidateLine(line.candidateId(), line.fullName(), line.registrationStatus(), mentor, line.tasks(),
                line.decision(), line.average(), line.atRisk());
    }

    /** The page's lines, replaced by id as facts arrive. */
    private record Facts(List<CandidateLine> lines, Map<Long, Integer> position) {

        void update(long candidateId, java.util.function.UnaryOperator<CandidateLine> change) {
            Integer at = position.get(candidateId);
            if (at != null) {
                lines.set(at, change.apply(lines.get(at)));
            }
        }
    }
}
