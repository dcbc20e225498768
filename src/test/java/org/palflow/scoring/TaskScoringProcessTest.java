package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palflow.support.AtOnce;
import org.palflow.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** Every path of processes/task-scoring.bpmn on the real engine, database and SMTP server. */
class TaskScoringProcessTest extends ScoringTest {

    @Autowired
    TaskScoreRepository taskScores;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void aSubmissionBetweenWindowsWaitsThenIsScoredBlindedAndReportedOnTheReportDate() {
        long submissionId = submit("emery", 1, 101, null);
        long instance = scoringInstance(submissionId);
        awaitProcess(instance, process -> process.isWaitingAtElements("next-window-opens"));
        assertThat(status("emery", submissionId).get("status").asText()).isEqualTo("WAITING_FOR_WINDOW");

        openWindow(2, 30);
        awaitProcess(instance, process -> process.isWaitingAtElements("window-closes"));
        assertThat(status("emery", submissionId).get("status").asText()).isEqualTo("IN_WINDOW");
        closeWindowOf("emery", submissionId);
        Assignment first = awaitAssignment(submissionId, ScoringPurpose.FIRST);
        awaitProcess(instance, process -> process.isWaitingAtElements("await-score"))
                .hasPassedElementsInOrder("place-in-window", "next-window-opens", "place-in-window", "window-closes",
                        "screen-originality", "assign-scorer");
        String scorer = scorerOf(first);
        assertThat(scorer).as("eligible scorers only").isIn("sam", "quinn", "kai", "lee");
        eventually(() -> mailTextsTo(scorer + ".scorer@palflow.example").stream()
                .filter(text -> text.contains("(assignment " + first.id() + ", first scoring)")).findFirst());

        List<String> scorerSaw = new ArrayList<>();
        JsonNode listed = as(scorer).get("/api/scorer/assignments").getBody();
        scorerSaw.add(listed.toString());
        assertThat(listed.findParents("assignmentId"))
                .filteredOn(line -> line.get("assignmentId").asLong() == first.id()).singleElement().satisfies(line -> assertThat(line.get("task").asInt()).isEqualTo(1))
                .satisfies(line -> assertThat(line.get("purpose").asText()).isEqualTo("FIRST"));
        JsonNode blinded = as(scorer).get("/api/scorer/assignments/" + first.id()).getBody();
        scorerSaw.add(blinded.toString());
        assertThat(blinded.get("indicators").findValuesAsText("code")).containsExactlyElementsOf(indicators(1));
        for (JsonNode file : blinded.get("files")) {
            ResponseEntity<JsonNode> text = as(scorer).get("/api/scorer/assignments/" + first.id() + "/files/"
                    + file.get("fileId").asText() + "/text");
            assertThat(text.getStatusCode()).isEqualTo(HttpStatus.OK);
            scorerSaw.add(text.getBody().toString());
        }
        assertThat(blinded.get("files")).hasSize(7);
        assertThat(String.join("\n", scorerSaw)).doesNotContainIgnoringCase("Emery").doesNotContainIgnoringCase("Lincoln")
                .doesNotContainIgnoringCase("Springfield").doesNotContainIgnoringCase("BAYSTATE")
                .doesNotContainIgnoringCase("Bay State").doesNotContain("palflow.example");
        assertThat(as("taylor").get("/api/scorer/assignments/" + first.id()).getStatusCode())
                .as("another scorer's assignment").isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(listedIds(scorer, "?status=OPEN")).contains(first.id());
        assertThat(scoreAll(first, 1, "3.00").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(listedIds(scorer, "?status=OPEN")).as("open ones").doesNotContain(first.id());
        assertThat(listedIds(scorer, "?status=SCORED")).as("scored ones").contains(first.id());
        assertThat(listedIds(scorer, "")).as("all").contains(first.id());
        assertThat(listedIds(scorer, "?status=SCORED&limit=1")).as("the latest scored one")
                .isEqualTo(listedIds(scorer, "?status=SCORED").subList(0, 1));
        ResponseEntity<JsonNode> unknownStatus = as(scorer).get("/api/scorer/assignments?status=LATE");
        assertThat(unknownStatus.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknownStatus.getBody().get("detail").asText()).contains("status", "LATE");
        ResponseEntity<JsonNode> noLimit = as(scorer).get("/api/scorer/assignments?limit=0");
        assertThat(noLimit.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noLimit.getBody().get("errors").toString()).contains("limit must be 1 or more");
        assertThat(scoreAll(first, 1, "3.00").getStatusCode()).as("the same marks again").isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> changed = scoreAll(first, 1, "3.50");
        assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(changed.getBody().get("detail").asText()).contains("recorded scores cannot be changed");
        awaitProcess(instance, process -> process.isWaitingAtElements("score-report-date"));
        assertThat(as("emery").get("/api/submissions/" + submissionId + "/score-report").getStatusCode())
                .as("not before the report date").isEqualTo(HttpStatus.NOT_FOUND);

        reachReportDateOf("emery", submissionId);
        awaitProcess(instance, process -> process.isCompleted())
                .hasPassedElementsInOrder("await-score", "decide-next-scoring", "score-report-date",
                        "release-score-report", "scores-reported");
        JsonNode report = as("emery").get("/api/submissions/" + submissionId + "/score-report").getBody();
        LocalDate reportDate = LocalDate.parse(report.get("reportDate").asText());
        assertThat(report.get("taskScore").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(report.get("thresholdMet").asBoolean()).isTrue();
        assertThat(report.get("incomplete").asBoolean()).isFalse();
        assertThat(report.get("indicators").findValuesAsText("band")).containsOnly("Meeting").hasSize(6);
        assertThat(report.get("expiresOn").asText()).isEqualTo(reportDate.plusYears(7).toString());
        assertThat(report.get("validThrough").asText()).isEqualTo(reportDate.plusYears(7).minusDays(1).toString());
        assertThat(report.get("basis").asText()).isEqualTo("single scoring");
        assertThat(report.get("nextSteps").toString()).contains("rescoring");
        TestMail.awaitSubjectsTo("emery.candidate@palflow.example", "Your PAL Task 1 score report");
        assertThat(status("emery", submissionId).get("status").asText()).isEqualTo("REPORTED");
        ResponseEntity<JsonNode> again = as("emery").post("/api/drafts", Map.of("task", 1));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(again.getBody().get("detail").asText()).isEqualTo("Task 1 scored 3.00, which meets the 2.10 "
                + "threshold and is valid through " + reportDate.plusYears(7).minusDays(1)
                + "; it need not be drafted again.");
    }

    @Test
    void aLateScorerIsRemindedAtTheDueDateThenTheAdminIsTold() throws Exception {
        InScoring scoring = inScoring("emery", 2, 102);
        long submissionId = scoring.submissionId();
        long instance = scoring.instance();
        Assignment first = scoring.first();
        awaitProcess(instance, process -> process.isWaitingAtElements("await-score"));

        advanceTime(java.time.Duration.ofDays(10).plusMinutes(1));
        String scorerMail = scorerOf(first) + ".scorer@palflow.example";
        eventually(() -> mailTextsTo(scorerMail).stream()
                .filter(text -> text.startsWith("Assignment " + first.id() + " was due")).findFirst());
        String lateNotice = "has not scored assignment " + first.id() + " ";
        assertThat(mailTextsTo("alex.admin@palflow.example")).noneMatch(text -> text.contains(lateNotice));
        advanceTime(java.time.Duration.ofDays(3));
        eventually(() -> mailTextsTo("alex.admin@palflow.example").stream().filter(text -> text.contains(lateNotice))
                .findFirst());
        assertThat(statistics.waitingAt("task-scoring", "await-score").stream()
                .filter(wait -> wait.processInstanceKey() == instance).findFirst().orElseThrow().pastDeadline())
                .as("the process dashboard shows the late scorer").isTrue();

        // Two different sheets at once (two tabs, a retry after an edit): one is recorded and the other refused, as
        // when sent afterwards; before, both were answered as recorded and the later one stood. Both are far from
        // the threshold, so the process goes on the same way whichever stands.
        List<ResponseEntity<JsonNode>> answers = AtOnce.send(2, i -> () -> scoreAll(first, 2, i == 0 ? "3.60"
                : "3.50"));
        assertThat(answers).extracting(answer -> answer.getStatusCode().value()).as(answers.toString())
                .containsExactlyInAnyOrder(200, 409);
        JsonNode recorded = answers.stream().filter(answer -> answer.getStatusCode() == HttpStatus.OK).findFirst()
                .orElseThrow().getBody();
        JsonNode stored = new com.fasterxml.jackson.databind.ObjectMapper().readTree(assignments.findById(first.id())
                .orElseThrow().getResult());
        assertThat(stored.get("taskScore").decimalValue()).as("the answer said so")
                .isEqualByComparingTo(recorded.get("taskScore").decimalValue());
        awaitProcess(instance, process -> process.isWaitingAtElements("score-report-date"))
                .hasPassedElementsInOrder("assign-scorer", "scoring-due", "remind-scorer", "reminder-sent")
                .hasPassedElementsInOrder("scorer-late", "escalate-late-scorer", "admin-told-late")
                .hasPassedElement("decide-next-scoring");
    }

    @Test
    void aScoreNearTheThresholdIsScoredAgainByAnotherScorerAndAgreeingScoresStandAsTheirUnroundedMean() {
        InScoring scoring = inScoring("finley", 1, 201);
        long submissionId = scoring.submissionId();
        long instance = scoring.instance();
        Assignment first = scoring.first();
        scoreAll(first, 1, "2.10");
        Assignment second = awaitAssignment(submissionId, ScoringPurpose.SECOND);
        assertThat(second.scorerId()).isNotEqualTo(first.scorerId());
        score(second, 1, "2.09", "2.10", "2.10", "2.10", "2.10", "2.10");
        awaitProcess(instance, process -> process.isWaitingAtElements("score-report-date"))
                .hasPassedElement("assign-scorer", 2).hasPassedElement("decide-next-scoring", 2);
        JsonNode report = reportOnItsDate("finley", scoring);
        assertThat(taskScores.current(submissionId).orElseThrow().getTaskScore()).as("12.595 / 6, kept unrounded")
                .isEqualByComparingTo("2.0991666667");
        assertThat(report.get("taskScore").decimalValue()).as("shown truncated, never rounded up to 2.10")
                .isEqualByComparingTo("2.09");
        assertThat(report.get("thresholdMet").asBoolean()).isFalse();
        assertThat(report.get("scorePolicy").asText()).contains("unrounded", "truncated to two decimals");
        assertThat(report.get("basis").asText()).isEqualTo("mean of two agreeing scorings");
        assertThat(report.get("indicators").findValuesAsText("score")).startsWith("2.095", "2.1");
        assertThat(report.get("indicators").findValuesAsText("band")).startsWith("Beginning", "Developing");
        assertThat(assignments.findBySubmissionIdAndPurpose(submissionId, ScoringPurpose.ADJUDICATION)).isEmpty();

        // By date, not by 31 × 24 hours: across the autumn clock change that would end on the 30th day.
        advanceTo(LocalDate.parse(report.get("reportDate").asText()).plusDays(31));
        ResponseEntity<JsonNode> late = as("finley").postEmpty("/api/submissions/" + submissionId + "/rescoring");
        assertThat(late.getStatusCode()).as(String.valueOf(late.getBody())).isEqualTo(HttpStatus.CONFLICT);
        assertThat(late.getBody().get("detail").asText()).startsWith("Rescoring could be requested until "
                + LocalDate.parse(report.get("reportDate").asText()).plusDays(30));
        assertThat(as("finley").get("/api/submissions/" + submissionId + "/score-report").getBody().get("nextSteps")
                .toString()).as("read after its period, the report no longer offers rescoring")
                .doesNotContain("rescoring");
        assertThat(as("emery").postEmpty("/api/submissions/" + submissionId + "/rescoring").getStatusCode())
                .as("another candidate's task").isEqualTo(HttpStatus.NOT_FOUND);
        long missing = submissionId + 1_000_000;
        for (String path : List.of("/scoring", "/score-report")) {
            ResponseEntity<JsonNode> notVisible = as("emery").get("/api/submissions/" + submissionId + path);
            ResponseEntity<JsonNode> notThere = as("emery").get("/api/submissions/" + missing + path);
            assertThat(notVisible.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(notVisible.getBody().get("detail").asText()).as("the same answer as for no submission")
                    .isEqualTo(notThere.getBody().get("detail").asText().replace(String.valueOf(missing),
                            String.valueOf(submissionId)));
        }
        assertThat(as("emery").postEmpty("/api/submissions/" + submissionId + "/rescoring").getBody()
                .get("detail").asText()).doesNotContain("registration", "case");
    }

    @Test
    void disagreeingScoresGoToAnAdjudicatorWhoseScoreStands() {
        InScoring scoring = inScoring("finley", 2, 202);
        long submissionId = scoring.submissionId();
        long instance = scoring.instance();
        Assignment first = scoring.first();
        scoreAll(first, 2, "2.00");
        Assignment second = awaitAssignment(submissionId, ScoringPurpose.SECOND);
        scoreAll(second, 2, "2.80");
        Assignment adjudication = awaitAssignment(submissionId, ScoringPurpose.ADJUDICATION);
        assertThat(List.of(first.scorerId(), second.scorerId(), adjudication.scorerId())).doesNotHaveDuplicates();
        scoreAll(adjudication, 2, "2.50");
        awaitProcess(instance, process -> process.isWaitingAtElements("score-report-date"))
                .hasPassedElement("assign-scorer", 3);
        JsonNode report = reportOnItsDate("finley", scoring);
        assertThat(report.get("taskScore").decimalValue()).isEqualByComparingTo("2.50");
        assertThat(report.get("basis").asText()).isEqualTo("adjudicated: the adjudicator's result stands");
        assertThat(taskScores.findBySubmissionIdOrderByIdAsc(submissionId)).hasSize(1);
    }

    @Test
    void aConditionCodeMakesTheTaskIncompleteWithXOnEveryOtherIndicator() {
        InScoring scoring = inScoring("finley", 4, 204);
        long submissionId = scoring.submissionId();
        long instance = scoring.instance();
        Assignment first = scoring.first();
        ResponseEntity<JsonNode> wrongCode = as(scorerOf(first)).post("/api/scorer/assignments/" + first.id()
                + "/score", Map.of("conditionCode", "B"));
        assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(wrongCode.getBody().get("errors").toString()).contains("condition code B does not apply to task 4");
        Map<String, Object> marks = new java.util.LinkedHashMap<>();
        indicators(4).forEach(code -> marks.put(code, Map.of("score", "3.00")));
        marks.put("4.b.1", Map.of("conditionCode", "F"));
        assertThat(as(scorerOf(first)).post("/api/scorer/assignments/" + first.id() + "/score",
                Map.of("indicators", marks)).getStatusCode()).isEqualTo(HttpStatus.OK);
        awaitProcess(instance, process -> process.isWaitingAtElements("score-report-date"))
                .hasPassedElement("assign-scorer", 1);
        JsonNode report = reportOnItsDate("finley", scoring);
        assertThat(report.get("incomplete").asBoolean()).isTrue();
        assertThat(report.hasNonNull("taskScore")).isFalse();
        assertThat(report.get("thresholdMet").asBoolean()).isFalse();
        assertThat(report.get("indicators").findValuesAsText("conditionCode"))
                .containsExactly("X", "X", "F", "X", "X", "X");
        assertThat(report.get("conditionCodes").get("F").asText()).startsWith("A strategy was not implemented");
        assertThat(report.get("conditionCodes").has("X")).isTrue();
        assertThat(report.get("nextSteps").toString()).contains("Incomplete");

        ResponseEntity<JsonNode> newAttempt = as("finley").post("/api/drafts", Map.of("task", 4));
        assertThat(newAttempt.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(newAttempt.getBody().get("handbookVersion").asText()).isEqualTo("2025-26");
        long candidateId = as("finley").get("/api/registrations/mine").getBody().get("id").asLong();
        JsonNode drafts = as("finley").get("/api/candidates/" + candidateId + "/drafts").getBody();
        assertThat(java.util.stream.StreamSupport.stream(drafts.spliterator(), false)
                .filter(draft -> draft.get("task").asInt() == 4).map(draft -> draft.get("status").asText()))
                .as("the earlier attempt stays on record").containsExactlyInAnyOrder("SUBMITTED", "DRAFTING");
    }

    @Test
    void whenNobodyIsEligibleTheAdminIsToldWhyAndAssignmentIsTriedAgain() {
        List<Scorer> eligible = scorers.findByActiveTrue().stream()
                .filter(scorer -> List.of("sam", "quinn", "kai", "lee").contains(scorer.getUsername())).toList();
        try {
            setActive(eligible, false);
            openWindow(1, 30);
            long submissionId = submit("harper", 4, 304, null);
            long instance = scoringInstance(submissionId);
            closeWindowOf("harper", submissionId);
            awaitProcess(instance, process -> process.isWaitingAtElements("retry-assignment"))
                    .hasPassedElementsInOrder("nobody-eligible", "tell-admin-no-scorer");
            String mail = eventually(() -> mailTextsTo("alex.admin@palflow.example").stream()
                    .filter(text -> text.contains("Submission " + submissionId + " cannot")).findFirst());
            assertThat(mail).contains("No eligible scorer among 2 active: 1 from the candidate's district, "
                    + "1 from their preparation program, 0 already scored this submission, 0 at capacity.");

            setActive(eligible, true);
            advanceTime(java.time.Duration.ofDays(1).plusMinutes(1));
            awaitAssignment(submissionId, ScoringPurpose.FIRST);
            awaitProcess(instance, process -> process.isWaitingAtElements("await-score"))
                    .hasPassedElementsInOrder("tell-admin-no-scorer", "retry-assignment", "assign-scorer");
            ResponseEntity<JsonNode> early = as("harper").post("/api/drafts", Map.of("task", 4));
            assertThat(early.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(early.getBody().get("detail").asText()).startsWith("Task 4 is still in scoring (scoring)");
        } finally {
            setActive(eligible, true);
        }
    }

    private void setActive(List<Scorer> pool, boolean active) {
        pool.forEach(scorer -> scorer.setActive(active));
        transaction.executeWithoutResult(status -> scorers.saveAll(pool));
    }

    private static List<String> mailTextsTo(String address) {
        return TestMail.to(address).stream().map(message -> {
            try {
                return String.valueOf(message.getContent());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.palflow.platform.process.ProcessStatistics statistics;

    private List<Long> listedIds(String scorer, String query) {
        return as(scorer).get("/api/scorer/assignments" + query).getBody().findValues("assignmentId").stream()
                .map(JsonNode::asLong).toList();
    }
}
