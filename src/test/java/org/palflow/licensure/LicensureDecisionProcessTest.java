package org.palflow.licensure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.palflow.scoring.ScoringPurpose;
import org.palflow.scoring.ScoringTest;
import org.palflow.support.Browser;
import org.palflow.support.TestElar;
import org.palflow.support.TestElar.Answer;
import org.palflow.support.TestMail;
import org.springframework.http.HttpStatus;

/**
 * Jesse goes from registration through four tasks, scoring and the licensure decision to a recorded hand-off, all
 * through the HTTP API on the real engine and database; then rescorings change Jesse's scores, and the new
 * hand-offs meet an ELAR that times out, fails, and fails until an admin retries.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicensureDecisionProcessTest extends ScoringTest {

    @org.springframework.beans.factory.annotation.Autowired
    LicensureTriggers triggers;

    static long jesse;
    static final long[] SUBMISSIONS = new long[5];

    @Test
    @Order(1)
    void aCandidateGoesFromRegistrationThroughFourTasksAndScoringToARecordedHandoff() {
        openWindow(1, 30);
        for (int task = 1; task <= 4; task++) {
            SUBMISSIONS[task] = submit("jesse", task, 500 + task, null);
        }
        jesse = as("jesse").get("/api/registrations/mine").getBody().get("id").asLong();
        assertThat(as("jesse").put("/api/registrations/" + jesse + "/licensure-identifiers",
                java.util.Map.of("mepid", "1234")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(as("jesse").put("/api/registrations/" + jesse + "/licensure-identifiers",
                java.util.Map.of("mepid", "12345678")).getStatusCode()).isEqualTo(HttpStatus.OK);
        closeWindowOf("jesse", SUBMISSIONS[4]);
        for (int task = 1; task <= 4; task++) {
            Assignment first = awaitAssignment(SUBMISSIONS[task], ScoringPurpose.FIRST);
            assertThat(scoreAll(first, task, "3.00").getStatusCode()).isEqualTo(HttpStatus.OK);
        }
        for (int task = 1; task <= 4; task++) {
            long submission = SUBMISSIONS[task];
            awaitProcess(scoringInstance(submission), process -> process.isWaitingAtElements("score-report-date"));
        }
        reachReportDateOf("jesse", SUBMISSIONS[4]);

        JsonNode decision = eventually(() -> Optional.of(as("jesse").get("/api/candidates/" + jesse
                + "/licensure-decision")).filter(r -> r.getStatusCode() == HttpStatus.OK)
                .map(r -> r.getBody()).filter(d -> d.get("passed").asBoolean() && "SENT".equals(d.path("handoff").asText())));
        assertThat(decision.get("average").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(decision.get("rules").findValuesAsText("rule")).containsExactly("task-1-valid-score",
                "task-2-valid-score", "task-3-valid-score", "task-4-valid-score", "average");
        assertThat(decision.get("rules").findValuesAsText("explanation").get(4))
                .isEqualTo("The mean of the four task scores is 3, at least the 2.75 needed to pass.");
        assertThat(as("casey").get("/api/candidates/" + jesse + "/licensure-decision").getStatusCode())
                .as("the coordinator sees it too").isEqualTo(HttpStatus.OK);

        List<JsonNode> handoffs = handoffsOfJesse();
        assertThat(handoffs).as("one hand-off, however many decisions the four releases started").hasSize(1);
        String key = "pal-licensure-decision-" + handoffs.get(0).get("decisionId").asLong();
        assertThat(TestElar.applied()).containsKey(key);
        assertThat(TestElar.applied().get(key)).contains("\"task3\":{", "\"score\":3.00", "\"average\":3,",
                "\"fullName\":\"Jesse Candidate\"", "\"mepid\":\"12345678\"");
        assertThat(TestElar.requests()).filteredOn(request -> request.startsWith(key)).containsExactly(key + " ACCEPT");
        TestMail.awaitSubjectsTo("jesse.candidate@palflow.example", "Your PAL licensure decision");
        List<String> decisionMails = TestMail.bodiesTo("jesse.candidate@palflow.example",
                "Your PAL licensure decision");
        assertThat(decisionMails).as("one mail per change of outcome, however many decisions the releases started")
                .doesNotHaveDuplicates();
        TestMail.awaitSubjectsTo("casey.coordinator@palflow.example", "PAL licensure decision for Jesse Candidate");
        long instance = processInstanceWith("licensure-decision", "decisionId", handoffs.get(0).get("decisionId").asLong());
        awaitProcess(instance, process -> process.isCompleted()).hasPassedElementsInOrder("task-score-changed",
                "decide-licensure", "announce-licensure-decision", "hand-off-needed", "hand-off-to-elar", "handed-off");
    }

    @Test
    @Order(2)
    void aHandoffThatTimesOutAndFailsIsRetriedWithBackOffUntilItIsDelivered() {
        TestElar.cue(Answer.TIME_OUT, Answer.FAIL);
        JsonNode handoff = handoffAfterRescoring(1, "3.40", h -> "SENT".equals(h.get("status").asText()));
        String key = "pal-licensure-decision-" + handoff.get("decisionId").asLong();
        assertThat(handoff.get("attempts").asInt()).isEqualTo(3);
        assertThat(TestElar.requests()).filteredOn(request -> request.startsWith(key + " "))
                .containsExactly(key + " TIME_OUT", key + " FAIL", key + " ACCEPT");
        assertThat(TestElar.applied().get(key)).contains("\"score\":3.40");
    }

    @Test
    @Order(3)
    void whenRetriesRunOutTheHandoffIsAnIncidentThatAnAdminRetries() {
        TestElar.cue(Answer.FAIL, Answer.FAIL, Answer.FAIL);
        JsonNode failed = handoffAfterRescoring(2, "3.50", h -> h.get("incident").asBoolean());
        long decisionId = failed.get("decisionId").asLong();
        String key = "pal-licensure-decision-" + decisionId;
        assertThat(failed.get("status").asText()).isEqualTo("PENDING");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("lastError").asText()).startsWith("ELAR answered 503");
        assertThat(TestElar.applied()).doesNotContainKey(key);
        long instance = processInstanceWith("licensure-decision", "decisionId", decisionId);
        awaitProcess(instance, process -> process.hasAnyIncidents());

        assertThat(as("casey").postEmpty("/api/admin/handoffs/" + decisionId + "/retry").getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // The engine is unreachable right after the retry is recorded: the retry waits and then goes through.
        engineOutage.begin();
        try {
            assertThat(as("alex").postEmpty("/api/admin/handoffs/" + decisionId + "/retry").getStatusCode())
                    .isEqualTo(HttpStatus.OK);
            eventually(() -> Optional.of(engineOutage.refused()).filter(refused -> refused > 0));
            processInstance(instance).hasAnyIncidents();
        } finally {
            engineOutage.end();
        }
        awaitProcess(instance, process -> process.isCompleted()).hasPassedElement("handed-off");
        assertThat(TestElar.requests()).filteredOn(request -> request.startsWith(key + " "))
                .containsExactly(key + " FAIL", key + " FAIL", key + " FAIL", key + " ACCEPT");
        assertThat(TestElar.applied()).containsKey(key);
        JsonNode delivered = handoffsOfJesse().stream().filter(h -> h.get("decisionId").asLong() == decisionId)
                .findFirst().orElseThrow();
        assertThat(delivered.get("status").asText()).isEqualTo("SENT");
        assertThat(as("alex").postEmpty("/api/admin/handoffs/" + decisionId + "/retry").getStatusCode())
                .as("nothing left to retry").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    @Order(5)
    void whenScoresExpireANewDecisionTellsTheCandidateWhichTasksToRedo() {
        JsonNode before = as("jesse").get("/api/candidates/" + jesse + "/licensure-decision").getBody();
        JsonNode reportBefore = as("jesse").get("/api/submissions/" + SUBMISSIONS[4] + "/score-report").getBody();
        String expiresOn = reportBefore.get("expiresOn").asText();
        assertThat(reportBefore.get("validThrough").asText()).as("the last day it counts")
                .isEqualTo(java.time.LocalDate.parse(expiresOn).minusDays(1).toString());
        advanceTo(java.time.LocalDate.parse(expiresOn));
        JsonNode reportAfter = as("jesse").get("/api/submissions/" + SUBMISSIONS[4] + "/score-report").getBody();
        assertThat(reportAfter.get("expired").asBoolean()).isTrue();
        assertThat(reportAfter.get("mayRequestRescoring").asBoolean()).as("its period long over").isFalse();
        assertThat(reportAfter.get("nextSteps").toString()).as("next steps as of the day it is read")
                .contains("The score expired on " + expiresOn).doesNotContain("meets the", "rescoring");
        triggers.scoresExpired();
        triggers.scoresExpired();

        JsonNode expired = eventually(() -> Optional.of(as("jesse").get("/api/candidates/" + jesse
                + "/licensure-decision").getBody()).filter(d -> d.get("decisionId").asLong()
                > before.get("decisionId").asLong() && !d.get("passed").asBoolean()));
        assertThat(expired.get("tasksToRedo").toString()).isEqualTo("[1,2,3,4]");
        assertThat(expired.get("rules").findValuesAsText("explanation").get(3)).isEqualTo("Task 4: the score 3.00 of "
                + "submission " + SUBMISSIONS[4] + " expired on " + expiresOn
                + " (seven years from its score report). Draft Task 4 again.");
        JsonNode page = as("casey").get("/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/candidates"
                + "?name=Jesse Candidate").getBody();
        JsonNode line = page.at("/candidates/0");
        assertThat(line.at("/tasks/3/stage").asText()).as("the cohort view shows the task expired: " + page)
                .isEqualTo("EXPIRED");
        assertThat(line.get("atRisk").toString()).contains("Task 4 score expired on " + expiresOn);
        assertThat(as("jesse").post("/api/drafts", java.util.Map.of("task", 4)).getStatusCode())
                .as("an expired task may be drafted again").isEqualTo(HttpStatus.CREATED);
    }

    @Test
    @Order(6)
    void aTaskBelowTheThresholdIsDraftedAgainAndTheDecisionUsesTheLatestAttempt() {
        InScoring first = inScoring("kendall", 1, 601);
        scoreAll(first.first(), 1, "1.80");
        reachReportDateOf("kendall", first.submissionId());
        long kendall = as("kendall").get("/api/registrations/mine").getBody().get("id").asLong();
        JsonNode failed = eventually(() -> Optional.of(as("kendall").get("/api/candidates/" + kendall
                + "/licensure-decision")).filter(r -> r.getStatusCode() == HttpStatus.OK).map(r -> r.getBody()));
        assertThat(failed.get("rules").findValuesAsText("explanation").get(0)).startsWith("Task 1: 1.80 is below");

        InScoring second = inScoring("kendall", 1, 602);
        assertThat(second.submissionId()).isNotEqualTo(first.submissionId());
        assertThat(second.instance()).as("the same task-scoring process, a new instance")
                .isNotEqualTo(first.instance());
        scoreAll(second.first(), 1, "3.00");
        reachReportDateOf("kendall", second.submissionId());
        JsonNode latest = eventually(() -> Optional.of(as("kendall").get("/api/candidates/" + kendall
                + "/licensure-decision").getBody()).filter(d -> d.get("rules").findValuesAsText("explanation").get(0)
                .startsWith("Task 1: 3.00 meets")));
        assertThat(latest.get("rules").findValuesAsText("explanation").get(0)).contains("submission "
                + second.submissionId());
        assertThat(latest.get("tasksToRedo").toString()).isEqualTo("[2,3,4]");
        assertThat(as("kendall").get("/api/submissions/" + first.submissionId() + "/score-report").getBody()
                .get("taskScore").decimalValue()).as("the earlier attempt stays on record").isEqualByComparingTo("1.80");
    }

    @Test
    @Order(4)
    void anAdminSeesAFailedHandoffOnTheProcessDashboardAndRetriesItFromThePage() {
        TestElar.cue(Answer.FAIL, Answer.FAIL, Answer.FAIL);
        JsonNode failed = handoffAfterRescoring(3, "3.60", h -> h.get("incident").asBoolean());
        long decisionId = failed.get("decisionId").asLong();
        try (Browser alex = Browser.open(port, 1280)) {
            alex.signIn("alex");
            assertThat(alex.text("#failed-hand-offs")).contains("1 failed");
            assertThat(alex.text("#attention")).contains("Hand off to ELAR");

            alex.visit("/admin/processes/licensure-decision");
            assertThat(alex.text("#element-hand-off-to-elar")).as("step, waiting, past deadline, incidents")
                    .startsWith("Hand off to ELAR 1 0 1");
            assertThat(alex.text("#incidents")).contains("Hand off to ELAR", "Jesse Candidate", "ELAR answered 503");
            await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(alex.find("#diagram")
                    .getDomAttribute("data-ready")));
            assertThat(alex.text(".djs-overlays[data-container-id='hand-off-to-elar'] .pal-badge--incidents"))
                    .as("the diagram's overlay").isEqualTo("1");
            alex.screenshot("63-admin-process-dashboard-incident");

            alex.visit("/admin/hand-offs");
            assertThat(alex.text("#hand-off-" + decisionId)).containsIgnoringCase("Incident").contains("3",
                    "ELAR answered 503");
            alex.screenshot("64-admin-hand-offs");
            alex.submit("#hand-off-" + decisionId + " button[type=submit]");
            assertThat(alex.text("[role=status]")).contains("The hand-off is sent again");
            await().atMost(Duration.ofSeconds(20)).until(() -> alex.visit("/admin/hand-offs")
                    .text("#hand-off-" + decisionId).toLowerCase().contains("delivered"));

            alex.visit("/admin/processes/licensure-decision");
            assertThat(alex.all("#incidents")).as("the incident is gone").isEmpty();
            assertThat(alex.text("#no-incidents")).isEqualTo("No open incident.");
        }
        assertThat(TestElar.applied()).containsKey("pal-licensure-decision-" + decisionId);
    }

    /** Jesse has the task rescored to {@code score}; returns the new decision's hand-off once it matches. */
    private JsonNode handoffAfterRescoring(int task, String score, java.util.function.Predicate<JsonNode> until) {
        int before = handoffsOfJesse().size();
        assertThat(as("jesse").postEmpty("/api/submissions/" + SUBMISSIONS[task] + "/rescoring").getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        scoreAll(awaitAssignment(SUBMISSIONS[task], ScoringPurpose.RESCORING), task, score);
        return eventually(() -> Optional.of(handoffsOfJesse()).filter(list -> list.size() == before + 1)
                .map(list -> list.get(0)).filter(until));
    }

    private List<JsonNode> handoffsOfJesse() {
        JsonNode all = as("alex").get("/api/admin/handoffs").getBody();
        return StreamSupport.stream(all.spliterator(), false).filter(h -> h.get("candidateId").asLong() == jesse)
                .toList();
    }
}
