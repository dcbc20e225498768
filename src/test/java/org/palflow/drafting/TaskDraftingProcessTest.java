package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.camunda.zeebe.process.test.filters.RecordStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palflow.support.AtOnce;
import org.palflow.support.EvidenceFixtures;
import org.palflow.support.PalFlowTest;
import org.palflow.support.TestMail;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Every path of processes/task-drafting.bpmn, with Blake mentored by Morgan; each test drafts its own task. */
class TaskDraftingProcessTest extends PalFlowTest {

    static final String MORGAN = "morgan.mentor@palflow.example";
    static final String COORDINATOR = "casey.coordinator@palflow.example";

    @BeforeEach
    void blakeIsMentoredByMorgan() {
        mentoredByMorgan("blake");
    }

    @Test
    void theMentorApprovesEachComponentInTurn() throws Exception {
        long draft = openDraft(1);
        long instance = processInstanceWith("task-drafting", "draftId", draft);

        for (String component : new String[] {"INVESTIGATE", "PREPARE", "ACT", "ASSESS"}) {
            awaitProcess(instance, process -> process.isWaitingAtElements("await-component-done"));
            // Marked done with a double click (two at once): taken once, and both answers say so.
            assertThat(AtOnce.send(2, i -> () -> as("blake").postEmpty(componentPath(draft, component) + "/done")))
                    .allSatisfy(answer -> assertThat(answer.getStatusCode()).as(String.valueOf(answer.getBody()))
                            .isEqualTo(HttpStatus.OK));
            awaitProcess(instance, process -> process.isWaitingAtElements("await-component-review"));
            assertThat(as("morgan").get("/api/mentor/inbox").getBody().get("reviews"))
                    .anyMatch(r -> r.get("draftId").asLong() == draft && r.get("component").asText().equals(component));
            assertThat(as("morgan").post(componentPath(draft, component) + "/review", Map.of("approved", true))
                    .getBody().get("status").asText()).isEqualTo("APPROVED");
        }

        awaitProcess(instance, process -> process.hasPassedElement("components-approved"))
                .hasPassedElement("open-next-component", 5)
                .hasPassedElement("request-component-review", 4)
                .hasNotPassedElement("notify-candidate-of-return")
                .isWaitingExactlyAtElements("await-submission");
        assertThat(as("blake").get("/api/drafts/" + draft).getBody().get("components").findValuesAsText("status"))
                .containsOnly("APPROVED");
        TestMail.awaitSubjectsTo(MORGAN, "Please review Investigate of Blake Candidate",
                "Please review Assess of Blake Candidate");
    }

    @Test
    void aReturnedComponentGoesBackWithCommentsAndASilentMentorIsRemindedThenTheCoordinatorTold() {
        long draft = openDraft(3);
        long instance = processInstanceWith("task-drafting", "draftId", draft);
        awaitProcess(instance, process -> process.isWaitingAtElements("await-component-done"));
        as("blake").postEmpty(componentPath(draft, "INVESTIGATE") + "/done");
        awaitProcess(instance, process -> process.isWaitingAtElements("await-component-review"));

        ResponseEntity<JsonNode> noComment = as("morgan").post(componentPath(draft, "INVESTIGATE") + "/review",
                Map.of("approved", false));
        assertThat(noComment.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        as("morgan").post(componentPath(draft, "INVESTIGATE") + "/review",
                Map.of("approved", false, "comment", "Add the observation schedule you agreed with the teacher."));
        awaitProcess(instance, process -> process.hasPassedElement("notify-candidate-of-return")
                .isWaitingAtElements("await-component-done"));
        JsonNode returned = as("blake").get("/api/drafts/" + draft).getBody().at("/components/0");
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("mentorComment").asText()).isEqualTo("Add the observation schedule you agreed with the teacher.");
        eventually(() -> Optional.of(TestMail.subjectsTo("blake.candidate@palflow.example"))
                .filter(subjects -> subjects.contains("Investigate was returned with comments")));

        as("blake").postEmpty(componentPath(draft, "INVESTIGATE") + "/done");
        awaitProcess(instance, process -> process.hasPassedElement("await-component-review", 1)
                .isWaitingAtElements("await-component-review").hasPassedElement("request-component-review", 2));
        advanceTime(Duration.ofDays(3).plusMinutes(1));
        awaitProcess(instance, process -> process.hasPassedElement("remind-mentor"))
                .hasNotPassedElement("tell-coordinator-review-overdue")
                .isWaitingAtElements("await-component-review");
        assertThat(pastDeadline(instance)).as("a reminder is not a deadline").isFalse();
        eventually(() -> Optional.of(TestMail.subjectsTo(MORGAN))
                .filter(subjects -> subjects.contains("Reminder: Investigate of Blake Candidate waits for your review")));

        advanceTime(Duration.ofDays(4));
        awaitProcess(instance, process -> process.hasPassedElement("tell-coordinator-review-overdue"))
                .isWaitingAtElements("await-component-review");
        assertThat(pastDeadline(instance)).as("the process dashboard shows the review past escalation").isTrue();
        eventually(() -> Optional.of(TestMail.subjectsTo(COORDINATOR))
                .filter(subjects -> subjects.contains("Mentor review overdue for Blake Candidate")));

        as("morgan").post(componentPath(draft, "INVESTIGATE") + "/review", Map.of("approved", true));
        awaitProcess(instance, process -> process.isWaitingAtElements("await-component-done"))
                .hasPassedElement("open-next-component", 2);
    }

    @Test
    void submittingSealsTheDraftAndAnnouncesItToScoring() throws Exception {
        long draft = openDraft(4);
        long instance = processInstanceWith("task-drafting", "draftId", draft);

        ResponseEntity<JsonNode> incomplete = as("blake").postEmpty("/api/drafts/" + draft + "/submission");
        assertThat(incomplete.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        JsonNode blocking = incomplete.getBody().get("findings");
        assertThat(blocking.findValuesAsText("rule")).containsExactly("priority-area", "collaboration-disclosure",
                "missing-part", "missing-part", "missing-part", "missing-part", "missing-part", "missing-part",
                "missing-part");
        assertThat(blocking.findValuesAsText("part")).containsExactly("A", "B", "C", "D", "E1", "E2", "F");

        as("blake").put("/api/drafts/" + draft + "/details", Map.of("priorityArea", "Chronic absence in grade 6",
                "collaborationPoints", "None", "collaborationRationale", "None", "collaborationRoles", "None"));
        for (String part : new String[] {"A", "B", "C", "D", "E1", "E2", "F"}) {
            String text = part.equals("A") ? "[X] anonymized [X] no identifying images" : "Task 4 part " + part;
            assertThat(as("blake").putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}",
                    EvidenceFixtures.pdf(text), draft, part, "part-" + part + ".pdf").getStatusCode())
                    .isEqualTo(HttpStatus.CREATED);
        }
        // A part replaced before submitting: its newest version is the one sealed.
        String replacement = as("blake").putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}",
                EvidenceFixtures.pdf("Task 4 part B, revised"), draft, "B", "part-B-revised.pdf").getBody()
                .get("sha256").asText();
        ResponseEntity<JsonNode> unacknowledged = eventually(() -> Optional.of(
                        as("blake").postEmpty("/api/drafts/" + draft + "/submission"))
                .filter(response -> !response.getBody().toString().contains("not-yet-read")));
        assertThat(unacknowledged.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(unacknowledged.getBody().get("findings").findValuesAsText("rule")).containsOnly("far-under-word-limit");
        // Submitted three times at once (a double click, a retry): one submission, and every answer is that one.
        List<ResponseEntity<JsonNode>> answers = AtOnce.send(3, i -> () -> as("blake").post("/api/drafts/" + draft
                + "/submission", Map.of("acknowledgeWarnings", true)));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value())
                .as(String.valueOf(answer.getBody())).isIn(200, 201));
        assertThat(answers).filteredOn(answer -> answer.getStatusCode() == HttpStatus.CREATED).hasSize(1);
        ResponseEntity<JsonNode> submitted = answers.stream()
                .filter(answer -> answer.getStatusCode() == HttpStatus.CREATED).findFirst().orElseThrow();
        long submissionId = submitted.getBody().get("id").asLong();
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getBody().get("id").asLong())
                .isEqualTo(submissionId));
        JsonNode sealed = submitted.getBody().get("files");
        assertThat(sealed.findValuesAsText("part")).containsExactly("A", "B", "C", "D", "E1", "E2", "F");
        assertThat(sealed.findValuesAsText("sha256")).hasSize(7).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(sealed.get(1).get("sha256").asText()).isEqualTo(replacement);
        assertThat(as("blake").postEmpty("/api/drafts/" + draft + "/submission").getBody().get("id").asLong())
                .isEqualTo(submissionId);

        awaitProcess(instance, process -> process.isCompleted())
                .hasPassedElementsInOrder("await-submission", "announce-submission", "draft-submitted")
                .hasNotPassedElement("await-component-done")
                .hasNotPassedElement("components-approved");
        RecordStream records = RecordStream.of(zeebe.engine().getRecordStreamSource());
        assertThat(StreamSupport.stream(records.messageRecords().spliterator(), false)
                .filter(record -> record.getValue().getName().equals("task-submitted"))
                .filter(record -> record.getValue().getCorrelationKey().equals(String.valueOf(submissionId))))
                .isNotEmpty();

        ResponseEntity<JsonNode> lateUpload = as("blake").putBytes("/api/drafts/{draft}/parts/B/file?name={name}",
                EvidenceFixtures.pdf("late"), draft, "late.pdf");
        assertThat(lateUpload.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(lateUpload.getBody().get("detail").asText()).isEqualTo("Draft " + draft + " was submitted and is read-only.");
        assertThat(as("blake").postEmpty(componentPath(draft, "INVESTIGATE") + "/done").getStatusCode())
                .isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("blake").get("/api/drafts/" + draft).getBody().get("status").asText()).isEqualTo("SUBMITTED");
    }

    private long openDraft(int task) {
        return as("blake").post("/api/drafts", Map.of("task", task)).getBody().get("id").asLong();
    }

    private static String componentPath(long draft, String component) {
        return "/api/drafts/" + draft + "/components/" + component;
    }

    /** Whether the process dashboard shows this case's wait for a component review as past its deadline. */
    private boolean pastDeadline(long instance) {
        return statistics.waitingAt("task-drafting", "await-component-review").stream()
                .filter(wait -> wait.processInstanceKey() == instance).findFirst().orElseThrow().pastDeadline();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.palflow.platform.process.ProcessStatistics statistics;
}
