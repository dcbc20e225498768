package org.palflow.cohorts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.palflow.platform.time.PalCalendar;
import org.palflow.scoring.ScoringRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cohort at a glance for its coordinator: per candidate the registration, the mentor, each task's stage, the
 * licensure decision and what puts them at risk. One page costs a count, the page, and one query per kind of
 * fact for all candidates on it (no per-candidate queries), each served by an index.
 */
@Service
public class CohortView {

    public record TaskLine(int task, String stage, BigDecimal score, List<String> conditionCodes) {
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

    /** {@code atRiskOnly}: only candidates with a reason to act; {@code status}: registration status; {@code name}. */
    public record Filter(boolean atRiskOnly, String status, String name) {
    }

    private static final String CURRENT_SCORE = "NOT EXISTS (SELECT 1 FROM task_score n WHERE n.replaces_id = s.id)";
    private static final String AT_RISK = """
            (EXISTS (SELECT 1 FROM task_score s WHERE s.candidate_id = r.id AND %1$s
                        AND (s.task_score IS NULL OR s.task_score < :threshold OR s.valid_until < :yearAhead)
                        AND NOT EXISTS (SELECT 1 FROM task_score p WHERE p.candidate_id = r.id AND p.task = s.task
                            AND p.task_score >= :threshold AND p.valid_until >= :yearAhead))
             OR EXISTS (SELECT 1 FROM mentor_assignment a JOIN mentor_proposal mp ON mp.assignment_id = a.id
                        WHERE a.candidate_id = r.id AND mp.status = 'PENDING' AND mp.proposed_at < :mentorSilentSince))
            """.formatted(CURRENT_SCORE);

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final PalCalendar calendar;
    private final java.time.Duration mentorSilentAfter;

    CohortView(NamedParameterJdbcTemplate jdbc, ObjectMapper json, Clock clock, PalCalendar calendar,
            @Value("${pal.cohorts.mentor-silent-after}") java.time.Duration mentorSilentAfter) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
        this.mentorSilentAfter = mentorSilentAfter;
    }

    /** The cohorts of the programs this e-mail address coordinates, or of every program when it is null. */
    @Transactional(readOnly = true)
    public List<CohortSummary> cohortsOf(String coordinatorEmail) {
        return jdbc.query("""
                SELECT p.code, p.name, c.code, c.name, c.accepting, COUNT(r.id)
                  FROM cohort c JOIN preparation_program p ON p.id = c.program_id
                  LEFT JOIN candidate_registration r ON r.program_code = p.code AND r.cohort_code = c.code
                 WHERE :email IS NULL OR LOWER(p.coordinator_email) = LOWER(:email)
                 GROUP BY p.code, p.name, c.code, c.name, c.accepting
                 ORDER BY p.code, c.code
                """, new MapSqlParameterSource("email", coordinatorEmail), (row, n) -> new CohortSummary(
                row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getBoolean(5),
                row.getLong(6)));
    }

    @Transactional(readOnly = true)
    public Page page(String program, String cohort, Filter filter, int page, int size) {
        LocalDate today = calendar.today();
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("program", program)
                .addValue("cohort", cohort).addValue("threshold", ScoringRules.THRESHOLD)
                .addValue("mentorSilentSince", Timestamp.from(clock.instant().minus(mentorSilentAfter)))
                .addValue("yearAhead", today.plusYears(1)).addValue("today", today)
                .addValue("limit", size).addValue("offset", (long) page * size);
        StringBuilder where = new StringBuilder("r.program_code = :program AND r.cohort_code = :cohort");
        if (filter.status() != null) {
            where.append(" AND r.status = :status");
            params.addValue("status", filter.status());
        }
        if (filter.name() != null) {
            where.append(" AND r.full_name LIKE :name");
            params.addValue("name", "%" + filter.name() + "%");
        }
        if (filter.atRiskOnly()) {
            where.append(" AND ").append(AT_RISK);
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM candidate_registration r WHERE " + where, params,
                Long.class);
        List<CandidateLine> lines = new ArrayList<>();
        Map<Long, Integer> position = new HashMap<>();
        jdbc.query("SELECT r.id, r.full_name, r.status FROM candidate_registration r WHERE " + where
                + " ORDER BY r.id LIMIT :limit OFFSET :offset", params, row -> {
                    position.put(row.getLong(1), lines.size());
                    lines.add(new CandidateLine(row.getLong(1), row.getString(2), row.getString(3), null,
                            new ArrayList<>(), null, null, new ArrayList<>()));
                });
        if (lines.isEmpty()) {
            return new Page(program, cohort, page, size, total == null ? 0 : total, List.of());
        }
        Facts facts = new Facts(lines, position);
        params.addValue("ids", position.keySet());
        mentors(params, facts);
        tasks(params, facts, today);
        decisions(params, facts);
        return new Page(program, cohort, page, size, total == null ? 0 : total, facts.lines());
    }

    private void mentors(MapSqlParameterSource params, Facts facts) {
        jdbc.query("SELECT ms.candidate_id, m.full_name FROM mentorship ms JOIN mentor m ON m.id = ms.mentor_id "
                + "WHERE ms.candidate_id IN (:ids)", params, row -> {
                    String mentor = row.getString(2);
                    facts.update(row.getLong(1), line -> withMentor(line, mentor));
                });
        jdbc.query("SELECT a.candidate_id, m.full_name, mp.proposed_at FROM mentor_assignment a "
                + "JOIN mentor_proposal mp ON mp.assignment_id = a.id JOIN mentor m ON m.id = mp.mentor_id "
                + "WHERE a.candidate_id IN (:ids) AND mp.status = 'PENDING'", params, row -> {
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
                SELECT d.candidate_id, d.task_number, d.status, ts.id, c.status, rr.status,
                       (SELECT CONCAT(dm.component, ' ', dm.status) FROM draft_milestone dm
                         WHERE dm.draft_id = d.id AND dm.status <> 'APPROVED' ORDER BY dm.sequence LIMIT 1)
                  FROM task_draft d
                  LEFT JOIN task_submission ts ON ts.draft_id = d.id
                  LEFT JOIN scoring_case c ON c.submission_id = ts.id
                  LEFT JOIN rescoring_request rr ON rr.submission_id = ts.id
                 WHERE d.candidate_id IN (:ids)
                 ORDER BY d.id
                """, params, row -> {
                    latest.computeIfAbsent(row.getLong(1), id -> new HashMap<>()).put(row.getInt(2), new String[] {
                        row.getString(3), row.getString(4), row.getString(5), row.getString(6), row.getString(7)});
                });
        Map<Long, Object[]> scores = new HashMap<>();
        jdbc.query("SELECT s.submission_id, s.task_score, s.result, s.valid_until FROM task_score s "
                + "WHERE s.candidate_id IN (:ids) AND " + CURRENT_SCORE, params, row -> {
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
        if (value == null) {
            atRisk.add("Task " + task + " is Incomplete (" + String.join(", ", codes) + ")");
        } else if (value.compareTo(ScoringRules.THRESHOLD) < 0) {
            atRisk.add("Task " + task + " scored " + value + ", below 2.10");
        } else if (((LocalDate) score[2]).isBefore(today.plusYears(1))) {
            atRisk.add("Task " + task + " score expires on " + score[2]);
        }
        String stage = "REQUESTED".equals(draft[3]) ? "RESCORING" : value == null ? "INCOMPLETE" : "SCORED";
        return new TaskLine(task, stage, value, codes);
    }

    private void decisions(MapSqlParameterSource params, Facts facts) {
        jdbc.query("SELECT d.candidate_id, d.passed, d.average FROM licensure_decision d WHERE d.id IN "
                + "(SELECT MAX(l.id) FROM licensure_decision l WHERE l.candidate_id IN (:ids) GROUP BY l.candidate_id)",
                params, row -> {
                    String decision = row.getBoolean(2) ? "PASSED" : "NOT_YET_PASSED";
                    BigDecimal average = row.getBigDecimal(3);
                    facts.update(row.getLong(1), line -> new CandidateLine(line.candidateId(), line.fullName(),
                            line.registrationStatus(), line.mentor(), line.tasks(), decision, average, line.atRisk()));
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
