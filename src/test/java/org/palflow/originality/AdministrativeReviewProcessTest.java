package org.palflow.originality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palflow.support.AtOnce;
import org.palflow.support.Browser;
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
        TestMail.awaitSubjectsTo("alex.admin@palflow.example", "A PAL submission needs administrative review");

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
        assertThat(mail).contains("cleared").doesNotContain("Harper").doesNotContain("submission " + original);
    }

    @Test
    void aVoidedNearDuplicateIsNotScoredAndTheCandidateLearnsWhenTheyMaySubmitAgain() throws Exception {
        long submissionId = heldForReview("drew", 1, 401);
        long instance = scoringInstance(submissionId);

        ResponseEntity<JsonNode> invalid = as("alex").post("/api/admin/reviews/" + submissionId + "/decision",
                Map.of("outcome", "CLEARED", "resubmitAfter", today().plusDays(90).toString()));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors").toString()).contains("resubmitAfter goes only with VOIDED");
        // Two admins deciding at once, with different waiting periods: one decision stands, the other is refused;
        // before, both were answered as decided and the later one was stored.
        List<ResponseEntity<JsonNode>> answers = AtOnce.send(2, i -> () -> as("alex").post("/api/admin/reviews/"
                + submissionId + "/decision", Map.of("outcome", "VOIDED", "resubmitAfter",
                today().plusDays(90 + i).toString())));
        assertThat(answers).extracting(answer -> answer.getStatusCode().value()).as(answers.toString())
                .containsExactlyInAnyOrder(200, 409);
        String waitUntil = answers.stream().filter(answer -> answer.getStatusCode() == HttpStatus.OK).findFirst()
                .orElseThrow().getBody().get("resubmitAfter").asText();
        assertThat(as("alex").get("/api/admin/reviews/" + submissionId).getBody().get("resubmitAfter").asText())
                .as("the decision that was answered is the one stored").isEqualTo(waitUntil);

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
    @Test
    void anAdminCreatesAWindowAndDecidesAReviewInTheBrowser() {
        long submissionId = heldForReview("sky", 3, 105);
        long instance = scoringInstance(submissionId);
        try (Browser alex = Browser.open(port, 1280)) {
            alex.signIn("alex");
            assertThat(alex.path()).as("an admin lands on what needs a decision").isEqualTo("/admin");
            assertThat(alex.text("#open-reviews")).contains("waiting for your decision");
            alex.screenshot("60-admin-home");

            alex.follow("a[href='/admin/windows']").type("#name", "Pilot Task 2 resubmissions")
                    .type("#submissionDeadline", "03/04/2031").type("#scoreReportDate", "04/20/2031")
                    .submit("main form button[type=submit]");
            assertThat(alex.text("[role=alert]")).as("a window accepting no task is refused")
                    .contains("a window must accept at least one task");
            alex.click("label[for='accepts-2023-24-2']").type("#scoreReportDate", "02/20/2031")
                    .submit("main form button[type=submit]");
            assertThat(alex.text("[role=alert]")).contains("scoreReportDate must come after submissionDeadline");
            assertThat(alex.find("#name").getAttribute("value")).as("the form as it was sent")
                    .isEqualTo("Pilot Task 2 resubmissions");
            assertThat(alex.find("#submissionDeadline").getAttribute("value")).isEqualTo("2031-03-04");
            assertThat(alex.find("#accepts-2023-24-2").isSelected()).isTrue();
            assertThat(alex.find("#accepts-2023-24-1").isSelected()).isFalse();
            alex.type("#scoreReportDate", "04/20/2031").submit("main form button[type=submit]");
            assertThat(alex.text("[role=status]")).contains("The scoring window is open");
            assertThat(alex.text("#windows")).contains("Pilot Task 2 resubmissions", "March 4, 2031",
                    "2023-24 Task 2");
            alex.screenshot("61-admin-windows");

            alex.visit("/admin/handbooks");
            assertThat(alex.text("#handbook-2025-26")).contains("Accepted");
            alex.visit("/admin/scorers").type("#username", "sam").type("#fullName", "Sam Again")
                    .type("#email", "sam.again@palflow.example").select("#district", "02580000")
                    .submit("main form[action='/admin/scorers'] button[type=submit]");
            assertThat(alex.text("[role=alert]")).contains("there is already a scorer with username sam");
            assertThat(alex.find("#email").getAttribute("value")).as("the form as it was sent")
                    .isEqualTo("sam.again@palflow.example");
            assertThat(alex.find("#district").getAttribute("value")).isEqualTo("02580000");
            // Added and deactivated at once: an active scorer without a sign-in could be given other tests' work.
            alex.type("#username", "morgan-scorer").type("#fullName", "Morgan Newscorer")
                    .type("#email", "morgan.newscorer@palflow.example").select("#district", "02580000")
                    .submit("main form[action='/admin/scorers'] button[type=submit]")
                    .submit("#scorer-morgan-scorer form[action$='/active'] button");
            assertThat(alex.text("#scorer-morgan-scorer")).contains("Deactivated", "Salem Public Schools");
            alex.type("#scorer-morgan-scorer input[name=capacity]", "12")
                    .submit("#scorer-morgan-scorer form[action$='/capacity'] button");
            assertThat(alex.text("[role=status]")).contains("The capacity is changed");
            assertThat(alex.find("#scorer-morgan-scorer input[name=capacity]").getAttribute("value")).isEqualTo("12");
            alex.type("#username", "rtl-scorer").type("#fullName", "Rana \u202Eevil")
                    .type("#email", "rtl.scorer@palflow.example").select("#district", "02580000")
                    .submit("main form[action='/admin/scorers'] button[type=submit]");
            assertThat(alex.text("h1")).isEqualTo("The form was not accepted");
            assertThat(alex.text("main")).contains("Nothing was saved: the field 'fullName' contains the control "
                    + "character U+202E; remove it.");
            alex.assertAccessible().visit("/admin/scorers");
            assertThat(alex.text("#scorers")).doesNotContain("rtl-scorer");
            alex.screenshot("66-admin-scorers");

            alex.visit("/admin/reviews").follow("#review-" + submissionId + " a");
            List<String> marked = alex.all("#submission-passage mark").stream().map(mark -> mark.getText()).toList();
            String opening = String.join(" ", java.util.Arrays.copyOfRange(PASSAGE.split(" "), 40, 44));
            assertThat(String.join(" ", marked)).as("the copied words are highlighted").contains(opening);
            assertThat(alex.all("#matched-passage mark")).isNotEmpty();
            alex.screenshot("62-admin-review-side-by-side");
            // A note at the page's limit, line breaks included: the browser counts each as one character.
            String note = ("Shared district template, as the district's letter says." + "x".repeat(143) + "\n")
                    .repeat(10).strip();
            assertThat(note).hasSize(1999);
            alex.click("label[for=outcome-waiting]").type("#note", note).submit("main form button[type=submit]");
            assertThat(alex.text("[role=alert]")).contains("needs the date the task may come back");
            assertThat(status("sky", submissionId).get("status").asText()).as("nothing decided")
                    .isEqualTo("IN_REVIEW");
            assertThat(alex.find("#note").getAttribute("value")).as("the note as it was typed").isEqualTo(note);
            assertThat(alex.find("#outcome-waiting").isSelected()).isTrue();
            alex.click("label[for=outcome-cleared]").submit("main form button[type=submit]");
            assertThat(alex.text("[role=status]")).contains("The review is decided");
            assertThat(alex.text("#decided")).contains("Decided by alex: cleared", "Shared district template");
            assertThat(as("alex").get("/api/admin/reviews/" + submissionId).getBody().get("note").asText())
                    .as("stored with its line breaks as typed").isEqualTo(note);
        }
        awaitProcess(instance, process -> process.isWaitingAtElements("await-score"))
                .hasPassedElementsInOrder("review-decided", "notify-review-outcome", "review-cleared");
    }

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
