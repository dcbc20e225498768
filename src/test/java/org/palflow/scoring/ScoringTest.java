package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.palflow.support.EvidenceFixtures;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Submissions made through the HTTP API by the demo candidates Emery, Finley and Harper (one per task each), scoring
 * windows set by the admin, and scorers who score through their own API. Time moves with {@link #advanceTo}.
 */
public abstract class ScoringTest extends PalFlowTest {

    protected static final ZoneId MASSACHUSETTS = ZoneId.of("America/New_York");
    private static final String[] SYLLABLES = {"ra", "te", "mo", "lin", "qua", "ser", "vo", "dent", "ach", "plo", "gri",
        "tun", "bel", "som", "kai", "fen", "dro", "mir", "pas", "tel"};

    @Autowired
    ScoringAssignmentRepository assignments;
    @Autowired
    protected ScorerRepository scorers;

    /** A scorer's assignment, as tests outside scoring may know it. */
    protected record Assignment(long id, long scorerId) {
        static Assignment of(ScoringAssignment assignment) {
            return new Assignment(assignment.getId(), assignment.getScorerId());
        }
    }

    /** A window taking every 2025-26 task, with its deadline and report date that many days from today. */
    protected JsonNode openWindow(int daysToDeadline, int daysToReport) {
        LocalDate today = today();
        ResponseEntity<JsonNode> created = as("alex").post("/api/scoring-windows", Map.of("name",
                "Window " + today, "submissionDeadline", today.plusDays(daysToDeadline).toString(), "scoreReportDate",
                today.plusDays(daysToReport).toString(), "accepts",
                List.of(Map.of("handbookVersion", "2025-26", "tasks", List.of(1, 2, 3, 4)))));
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    /**
     * Registers the candidate if need be, fills every part of a draft of {@code task} with text made from
     * {@code seed} (plus {@code shared}, if given, in Artifact 1), and submits it. Returns the submission id.
     */
    protected long submit(String user, int task, long seed, String shared) {
        return submitDraft(user, draftWithEvidence(user, task, seed, shared));
    }

    /** Registers the candidate if need be and fills every part of their open draft of {@code task}; its id. */
    protected long draftWithEvidence(String user, int task, long seed, String shared) {
        String name = Character.toUpperCase(user.charAt(0)) + user.substring(1) + " Candidate";
        ResponseEntity<JsonNode> registered = as(user).post("/api/registrations",
                candidate(name, user + ".candidate@palflow.example"));
        long candidateId = registered.getBody().get("id").asLong();
        eventually(() -> Optional.of(progress(candidateId)).filter(p -> !p.get("stage").asText().startsWith("REGISTRATION")));
        JsonNode draft = as(user).post("/api/drafts", Map.of("task", task)).getBody();
        long draftId = draft.get("id").asLong();
        as(user).put("/api/drafts/" + draftId + "/details", Map.of("priorityArea", "Grade 5 mathematics",
                "collaborationPoints", "None", "collaborationRationale", "None", "collaborationRoles", "None"));
        Random random = new Random(seed);
        for (JsonNode part : draft.get("parts")) {
            String code = part.get("code").asText();
            String kind = part.get("kind").asText();
            String text = kind.equals("FORM") ? "[X] anonymized [X] no identifying images"
                    : prose(random, 120) + (code.equals("B") && shared != null ? " " + shared : "");
            boolean video = kind.equals("VIDEO");
            assertThat(as(user).putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}",
                    video ? EvidenceFixtures.mp4(user + seed + code) : EvidenceFixtures.pdf(text), draftId, code,
                    user + "-" + name.replace(' ', '-') + "-" + code + (video ? ".mp4" : ".pdf"))
                    .getStatusCode()).as("part " + code).isEqualTo(HttpStatus.CREATED);
        }
        return draftId;
    }

    /** Submits the draft once its files have been read; the submission's id. */
    protected long submitDraft(String user, long draftId) {
        ResponseEntity<JsonNode> submitted = eventually(() -> Optional.of(as(user).post("/api/drafts/" + draftId
                + "/submission", Map.of("acknowledgeWarnings", true))).filter(r -> r.getStatusCode() != HttpStatus.CONFLICT
                || !r.getBody().toString().contains("not-yet-read")));
        assertThat(submitted.getStatusCode()).as(String.valueOf(submitted.getBody())).isEqualTo(HttpStatus.CREATED);
        return submitted.getBody().get("id").asLong();
    }

    /** Text no other submission shares: words made of syllables, from the seed. */
    protected static String prose(Random random, int words) {
        List<String> text = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            text.add(SYLLABLES[random.nextInt(20)] + SYLLABLES[random.nextInt(20)] + SYLLABLES[random.nextInt(20)]);
        }
        return String.join(" ", text);
    }

    protected long scoringInstance(long submissionId) {
        return processInstanceWith("task-scoring", "submissionId", submissionId);
    }

    protected JsonNode status(String user, long submissionId) {
        return as(user).get("/api/submissions/" + submissionId + "/scoring").getBody();
    }

    /** Moves the app's clock and the engine's timers to one minute past the start of {@code date}. */
    protected void advanceTo(LocalDate date) {
        Instant target = date.atStartOfDay(MASSACHUSETTS).plusMinutes(1).toInstant();
        Duration ahead = Duration.between(clock.instant(), target);
        if (!ahead.isNegative()) {
            advanceTime(ahead);
        }
    }

    /** Past the deadline of the window the submission was placed in. */
    protected void closeWindowOf(String user, long submissionId) {
        JsonNode placed = eventually(() -> Optional.of(status(user, submissionId))
                .filter(s -> s.hasNonNull("submissionDeadline")));
        advanceTo(LocalDate.parse(placed.get("submissionDeadline").asText()).plusDays(1));
    }

    protected void reachReportDateOf(String user, long submissionId) {
        advanceTo(LocalDate.parse(status(user, submissionId).get("scoreReportDate").asText()));
    }

    /** A submission in scoring: its window's deadline has passed and its first scorer is assigned. */
    protected record InScoring(long submissionId, long instance, Assignment first) {
    }

    protected InScoring inScoring(String user, int task, long seed) {
        openWindow(1, 30);
        long submissionId = submit(user, task, seed, null);
        long instance = scoringInstance(submissionId);
        closeWindowOf(user, submissionId);
        return new InScoring(submissionId, instance, awaitAssignment(submissionId, ScoringPurpose.FIRST));
    }

    /** On the window's report date the process releases the score; returns the candidate's report. */
    protected JsonNode reportOnItsDate(String user, InScoring scoring) {
        reachReportDateOf(user, scoring.submissionId());
        awaitProcess(scoring.instance(), process -> process.isCompleted());
        return as(user).get("/api/submissions/" + scoring.submissionId() + "/score-report").getBody();
    }

    /** Scored once by the first scorer, and released on the report date. */
    protected InScoring released(String user, int task, long seed, String score) {
        InScoring inScoring = inScoring(user, task, seed);
        scoreAll(inScoring.first(), task, score);
        awaitProcess(inScoring.instance(), process -> process.isWaitingAtElements("score-report-date"));
        assertThat(reportOnItsDate(user, inScoring).get("taskScore").decimalValue()).isEqualByComparingTo(score);
        return inScoring;
    }

    protected Assignment awaitAssignment(long submissionId, ScoringPurpose purpose) {
        return eventually(() -> assignments.findBySubmissionIdAndPurpose(submissionId, purpose).map(Assignment::of));
    }

    protected boolean anyAssignment(long submissionId) {
        return !assignments.findBySubmissionIdOrderByIdAsc(submissionId).isEmpty();
    }

    protected String scorerOf(Assignment assignment) {
        return scorers.findById(assignment.scorerId()).orElseThrow().getUsername();
    }

    /** The scorer of the assignment records the same score on every indicator of the task. */
    protected ResponseEntity<JsonNode> scoreAll(Assignment assignment, int task, String score) {
        return as(scorerOf(assignment)).post(scorePath(assignment), sheet(task, score));
    }

    /** One score per indicator, in the rubric's order. */
    protected ResponseEntity<JsonNode> score(Assignment assignment, int task, String... scores) {
        return as(scorerOf(assignment)).post(scorePath(assignment), sheet(task, scores));
    }

    /** The same, sent with an Idempotency-Key. */
    protected ResponseEntity<JsonNode> scoreAll(Assignment assignment, int task, String score, String key) {
        return as(scorerOf(assignment)).post(scorePath(assignment), sheet(task, score), key);
    }

    private static String scorePath(Assignment assignment) {
        return "/api/scorer/assignments/" + assignment.id() + "/score";
    }

    private static Map<String, Object> sheet(int task, String score) {
        return sheet(task, Collections.nCopies(indicators(task).size(), score).toArray(String[]::new));
    }

    private static Map<String, Object> sheet(int task, String... scores) {
        Map<String, Object> indicators = new LinkedHashMap<>();
        List<String> codes = indicators(task);
        for (int i = 0; i < codes.size(); i++) {
            indicators.put(codes.get(i), Map.of("score", scores[i]));
        }
        return Map.of("indicators", indicators);
    }

    protected static List<String> indicators(int task) {
        List<String> codes = new ArrayList<>();
        for (String rubric : new String[] {"a", "b", "c"}) {
            codes.add(task + "." + rubric + ".1");
            codes.add(task + "." + rubric + ".2");
        }
        return codes;
    }

    protected LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), MASSACHUSETTS);
    }
}
