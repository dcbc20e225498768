package org.palflow.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palflow.support.Api;
import org.palflow.support.PalFlowTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A candidate's case through the HTTP API as each person sees it, and what each person may not see or do. */
class CaseAccessApiTest extends PalFlowTest {

    static final Map<String, Object> AVERY = candidate("Avery Candidate", "avery.candidate@palflow.example");

    @Test
    void candidateRegistersCoordinatorAssignsMentorAcceptsAndEachSeesTheCaseOnlyWhereAllowed() {
        ResponseEntity<JsonNode> registered = as("avery").post("/api/registrations", AVERY);
        assertThat(registered.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = registered.getBody().get("id").asLong();
        assertThat(registered.getHeaders().getLocation()).hasToString("/api/registrations/" + id);

        ResponseEntity<JsonNode> again = as("avery").post("/api/registrations", AVERY);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asLong()).isEqualTo(id);

        Map<String, Object> changed = new HashMap<>(AVERY);
        changed.put("school", "Brightwood Elementary School");
        ResponseEntity<JsonNode> conflicting = as("avery").post("/api/registrations", changed);
        assertThat(conflicting.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(conflicting.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(conflicting.getBody().get("existingRegistrationId").asLong()).isEqualTo(id);

        JsonNode waiting = awaitStage(id, "AWAITING_MENTOR_PROPOSAL");
        assertThat(waiting.get("waitingFor").asText())
                .isEqualTo("The program coordinator to propose a mentor from Lincoln Elementary School.");
        assertThat(as("avery").get("/api/registrations/mine").getBody().get("status").asText()).isEqualTo("ACTIVE");

        assertThat(as("casey").get("/api/mentors?district=Springfield Public Schools&school=Lincoln Elementary School")
                .getBody()).extracting(mentor -> mentor.get("fullName").asText())
                .containsExactly("Morgan Mentor", "Riley Leader");
        JsonNode proposal = as("casey").post("/api/candidates/" + id + "/mentor-proposals", Map.of("mentorId", 1))
                .getBody();
        JsonNode awaitingMentor = awaitStage(id, "AWAITING_MENTOR_RESPONSE");
        assertThat(awaitingMentor.get("waitingFor").asText()).startsWith("Morgan Mentor to accept or decline mentoring by");

        assertThat(as("morgan").get("/api/mentor/proposals").getBody())
                .anyMatch(p -> p.get("id").asLong() == proposal.get("id").asLong());
        assertThat(as("riley").get("/api/mentor/proposals").getBody())
                .noneMatch(p -> p.get("id").asLong() == proposal.get("id").asLong());
        assertThat(as("riley").postEmpty("/api/mentor-proposals/" + proposal.get("id") + "/acceptance")
                .getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("morgan").get("/api/candidates/" + id + "/progress").getStatusCode())
                .as("a proposed mentor is not yet a mentor").isEqualTo(HttpStatus.NOT_FOUND);

        assertThat(as("morgan").postEmpty("/api/mentor-proposals/" + proposal.get("id") + "/acceptance")
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode mentored = awaitStage(id, "MENTORED");
        assertThat(mentored.at("/mentoring/milestones").findValuesAsText("code"))
                .containsExactly("COLLABORATIVE_PLAN", "INITIAL_MEETING");

        JsonNode ownView = as("avery").get("/api/candidates/" + id + "/progress").getBody();
        assertThat(ownView.get("stage").asText()).isEqualTo("MENTORED");
        assertThat(ownView.at("/mentoring/mentor/email").asText()).isEqualTo("morgan.mentor@palflow.example");
        assertThat(as("morgan").get("/api/candidates/" + id + "/progress").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("morgan").get("/api/mentor/mentees").getBody())
                .anyMatch(mentee -> mentee.get("candidateId").asLong() == id);

        ResponseEntity<JsonNode> otherCandidate = as("blake").get("/api/candidates/" + id + "/progress");
        assertThat(otherCandidate.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(otherCandidate.getBody().get("detail").asText()).isEqualTo("No case " + id + " that you can see.");
        assertThat(as("blake").get("/api/registrations/" + id).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("riley").get("/api/candidates/" + id + "/progress").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("riley").get("/api/mentor/mentees").getBody())
                .noneMatch(mentee -> mentee.get("candidateId").asLong() == id);
        assertThat(as("alex").get("/api/candidates/" + id + "/progress").getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void everyEndpointChecksTheCallersRole() {
        ResponseEntity<JsonNode> candidateProposing = as("blake").post("/api/candidates/1/mentor-proposals",
                Map.of("mentorId", 1));
        assertThat(candidateProposing.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(candidateProposing.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(candidateProposing.getBody().get("title").asText()).isEqualTo("Forbidden");

        assertThat(as("morgan").post("/api/registrations", newCandidate("Mentor Registering")).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("sam").get("/api/mentor-assignments").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("avery").get("/api/mentor/mentees").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        ResponseEntity<JsonNode> anonymous = Api.anonymous(port).get("/api/programs");
        assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymous.getHeaders().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(anonymous.getBody().get("status").asInt()).isEqualTo(401);
        assertThat(Api.as(port, "no-such-user").get("/api/programs").getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void candidatesRegisterOnlyThemselves() {
        ResponseEntity<JsonNode> forSomeoneElse = as("blake").post("/api/registrations", newCandidate("Someone Else"));
        assertThat(forSomeoneElse.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forSomeoneElse.getBody().get("detail").asText())
                .startsWith("Candidates register themselves: use the e-mail address you log in with");
    }

    @Test
    void theOpenApiDocumentIsServed() {
        JsonNode document = Api.anonymous(port).get("/v3/api-docs").getBody();
        assertThat(document.get("paths").has("/api/registrations")).isTrue();
        assertThat(document.get("paths").has("/api/candidates/{candidateId}/progress")).isTrue();
        assertThat(document.at("/components/securitySchemes/basic/scheme").asText())
                .as("Swagger UI can sign in with the embedded default's Basic").isEqualTo("basic");
        assertThat(document.at("/security/0").has("basic")).isTrue();
    }
}
