package org.palflow.originality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palflow.scoring.ScoringPurpose;
import org.palflow.scoring.ScoringTest;
import org.palflow.support.TestMail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The originality paths of processes/task-scoring.bpmn: a near-duplicate goes to an admin, who clears or voids it. */
class AdministrativeReviewProcessTest extends ScoringTest {

    /** Harper's passage, which Emery and Drew copy. */
    static final String PASSAGE = prose(new Random(4242), 150);
    static long original;

    @BeforeEach
    void harperSubmittedThePassageFirst() {
        if (original == 0) {
            openWindow(1, 30);
            original = submit("harper", 1, 301, PASSAGE);
            closeWindowOf("harper", original);
            awaitAssignment(original, ScoringPurpose.FIRST);
        }
    }

    @Test
    void aClearedNearDuplicateGoesOnToScoringAndTheCandidateIsTold() {
        long submissionId = heldForReview("emery", 4, 104);
        long instance = scoringInstance(submissionId);
        processInstance(instance)
                .hasPassedElementsInOrder("screen-originality", "near-duplicate", "open-administrative-review");
        assertThat(status("emery", submissionId).get("status").asText()).isEqualTo("IN_REVIEW");
        assertThat(TestMail.subjectsTo("alex.admin@palflow.example"))
                .contains("A PAL submission needs administrative review");

        JsonNode review = as("alex").get("/api/admin/reviews/" + submissionId).getBody();
        assertThat(review.get("matchedSubmissionId").asLong()).isEqualTo(original);
        assertThat(review.get("sharedFingerprints").asInt()).isGreaterThanOrEqualTo(6);
        String opening = String.join(" ", java.util.Arrays.copyOfRange(PASSAGE.split(" "), 40, 44));
        assertThat(review.get("submissionPassage").asText()).contains(opening);
        assertThat(review.get("matchedPassage").asText()).contains(opening);
        assertThat(as("alex").get("/api/admin/reviews").getBody().findValuesAsText("submissionId"))
                .contains(String.valueOf(submissionId));
        assertThat(as("emery").get("/api/admin/reviews/" + submissionId).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> cleared = as("alex").post("/api/admin/reviews/" + submissionId + "/decision",
                Map.of("outcome", "CLEARED", "note", "Shared district template"));
        assertThat(cleared.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("alex").post("/api/admin/reviews/" + submissionId + "/decision", Map.of("outcome", "VOIDED"))
                .getStatusCode()).as("decided once").isEqualTo(HttpStatus.CONFLICT);

        awaitAssignment(submissionId, ScoringPurpose.FIRST);
        awaitProcess(instance, process -> process.isWaitingAtElements("await-score"))
                .hasPassedElementsInOrder("review-decided", "notify-review-outcome", "review-cleared",
                        "scoring-begins", "assign-scorer");
        String mail = outcomeMailTo("emery.candidate@palflow.example", 4);
        assertThat(mail).contains("cleared").doesNotContain("Harper").doesNotContain(String.valueOf(original));
    }

    @Test
    void aVoidedNearDuplicateIsNotScoredAndTheCandidateLearnsWhenTheyMaySubmitAgain() {
        long submissionId = heldForReview("drew", 1, 401);
        long instance = scoringInstance(submissionId);

        ResponseEntity<JsonNode> invalid = as("alex").post("/api/admin/reviews/" + submissionId + "/decision",
                Map.of("outcome", "CLEARED", "resubmitAfter", today().plusDays(90).toString()));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors").toString()).contains("resubmitAfter goes only with VOIDED");
        String waitUntil = today().plusDays(90).toString();
        assertThat(as("alex").post("/api/admin/reviews/" + submissionId + "/decision", Map.of("outcome", "VOIDED",
                "resubmitAfter", waitUntil)).getStatusCode()).isEqualTo(HttpStatus.OK);

        awaitProcess(instance, process -> process.isCompleted())
                .hasPassedElementsInOrder("review-decided", "notify-review-outcome", "review-cleared",
                        "submission-voided")
                .hasNotPassedElement("assign-scorer");
        assertThat(status("drew", submissionId).get("status").asText()).isEqualTo("VOIDED");
        assertThat(anyAssignment(submissionId)).isFalse();
        String mail = outcomeMailTo("drew.candidate@palflow.example", 1);
        assertThat(mail).contains("voided", "You may submit this task again after " + waitUntil)
                .doesNotContain("Harper").doesNotContain("Emery");

        ResponseEntity<JsonNode> tooSoon = as("drew").post("/api/drafts", Map.of("task", 1));
        assertThat(tooSoon.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(tooSoon.getBody().get("detail").asText()).isEqualTo("Task 1 was voided after administrative "
                + "review; it may be drafted again after " + waitUntil + ".");
        advanceTo(java.time.LocalDate.parse(waitUntil).plusDays(1));
        assertThat(as("drew").post("/api/drafts", Map.of("task", 1)).getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    /** A submission copying Harper's passage, past its deadline and waiting for the admin. */
    private long heldForReview(String user, int task, long seed) {
        openWindow(1, 30);
        long submissionId = submit(user, task, seed, PASSAGE);
        closeWindowOf(user, submissionId);
        awaitProcess(scoringInstance(submissionId), process -> process.isWaitingAtElements("review-decided"));
        return submissionId;
    }

    /** The review outcome mailed to the candidate about their submission of {@code task}. */
    private static String outcomeMailTo(String address, int task) {
        return eventually(() -> TestMail.to(address).stream()
                .filter(message -> subject(message).equals("Administrative review of your PAL submission"))
                .map(AdministrativeReviewProcessTest::body).filter(body -> body.contains("Your Task " + task + " "))
                .findFirst());
    }

    private static String subject(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String body(jakarta.mail.internet.MimeMessage message) {
        try {
            return String.valueOf(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
