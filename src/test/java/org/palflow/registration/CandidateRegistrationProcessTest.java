package org.palflow.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.palflow.support.PalFlowTest;
import org.palflow.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of processes/candidate-registration.bpmn, on the real engine with the real workers. */
class CandidateRegistrationProcessTest extends PalFlowTest {

    @Autowired
    RegistrationRepository registrations;

    @Test
    void validRegistrationIsActivatedWelcomedAndHandedToMentorAssignment() throws Exception {
        Map<String, Object> candidate = newCandidate("Valid Candidate");
        JsonNode decided = registerAndAwaitDecision(candidate);
        long id = decided.get("id").asLong();

        long instance = processInstanceWith("candidate-registration", "registrationId", id);
        awaitProcess(instance, process -> process.isCompleted())
                .hasPassedElementsInOrder("registration-received", "validate-registration", "registration-valid",
                        "activate-candidate", "send-welcome-notification", "request-mentor-assignment",
                        "candidate-registered")
                .hasNotPassedElement("reject-registration");

        assertThat(registrations.findById(id)).get()
                .extracting(Registration::getStatus, Registration::rejectionReasons)
                .containsExactly(RegistrationStatus.ACTIVE, java.util.List.of());
        assertThat(TestMail.awaitSubjectsTo((String) candidate.get("email"), "Welcome to PAL Flow"))
                .containsExactly("Welcome to PAL Flow");
        assertThat(TestMail.to((String) candidate.get("email")).getFirst().getMessageID())
                .as("a Message-ID named by the notification's key, the same on a resend")
                .isEqualTo("<" + UUID.nameUUIDFromBytes(("welcome:" + id).getBytes(StandardCharsets.UTF_8))
                        + "@localhost>");
        long assignment = processInstanceWith("mentor-assignment", "candidateId", id);
        awaitProcess(assignment, process -> process.isWaitingAtElements("await-mentor-proposal"))
                .hasPassedElement("open-mentor-assignment");
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of("programCode", "NO-SUCH", "There is no preparation program with code 'NO-SUCH'."),
                Arguments.of("programCode", "PIONEER-ED",
                        "The preparation program Pioneer Valley Educational Leadership Program is not accepting candidates."),
                Arguments.of("cohortCode", "1999-SPRING", "Program BAYSTATE-LEAD has no cohort '1999-SPRING'."),
                Arguments.of("cohortCode", "2025-FALL", "Cohort 2025-FALL of program BAYSTATE-LEAD is closed to registrations."),
                Arguments.of("handbookVersion", "1999-00", "'1999-00' is not a PAL handbook version; use one of: 2025-26."),
                Arguments.of("handbookVersion", "2024-25",
                        "Handbook version 2024-25 no longer takes new candidates; use one of: 2025-26."),
                Arguments.of("policiesConfirmed", false, "The PAL assessment policies must be confirmed before registering."));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("rejections")
    void invalidRegistrationIsRejectedWithItsReason(String field, Object value, String reason) {
        Map<String, Object> candidate = new HashMap<>(newCandidate("Rejected Candidate"));
        candidate.put(field, value);

        JsonNode decided = registerAndAwaitDecision(candidate);

        assertRejected(decided, candidate, reason);
    }

    @Test
    void theSameCandidateUnderAnotherEmailIsRejected() {
        Map<String, Object> first = newCandidate("Twice Registered");
        registerAndAwaitDecision(first);
        Map<String, Object> second = new HashMap<>(first);
        second.put("email", "other." + first.get("email"));

        JsonNode decided = registerAndAwaitDecision(second);

        assertRejected(decided, second, "A candidate named " + first.get("fullName")
                + " in Springfield Public Schools is already registered in program BAYSTATE-LEAD under another e-mail address.");
    }

    private void assertRejected(JsonNode decided, Map<String, Object> candidate, String reason) {
        long id = decided.get("id").asLong();
        assertThat(decided.get("status").asText()).isEqualTo("REJECTED");
        assertThat(decided.get("rejectionReasons")).extracting(JsonNode::asText).containsExactly(reason);
        long instance = processInstanceWith("candidate-registration", "registrationId", id);
        eventually(() -> java.util.Optional.of(TestMail.to((String) candidate.get("email"))).filter(m -> !m.isEmpty()));
        awaitProcess(instance, process -> process.isCompleted())
                .hasPassedElementsInOrder("validate-registration", "registration-valid", "reject-registration",
                        "registration-rejected")
                .hasNotPassedElement("activate-candidate");
        assertThat(registrations.findById(id)).get().extracting(Registration::getStatus)
                .isEqualTo(RegistrationStatus.REJECTED);
        assertThat(TestMail.subjectsTo((String) candidate.get("email")))
                .containsExactly("Your PAL registration was not accepted");
        assertThat(progress(id).get("stage").asText()).isEqualTo("REGISTRATION_REJECTED");
    }
}
