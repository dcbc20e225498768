package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.palflow.support.EvidenceFixtures;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Drew's Task 2 draft holds one problem per part; the report names each with its rule, part and code. */
class ReadinessReportTest extends PalFlowTest {

    static final Map<String, Object> DREW = candidate("Drew Candidate", "drew.candidate@palflow.example");

    @Autowired
    ReadinessReportRepository reports;

    @Test
    void everyProblemScorersWouldHoldAgainstTheDraftIsFoundBeforeSubmission() {
        long candidateId = as("drew").post("/api/registrations", DREW).getBody().get("id").asLong();
        eventually(() -> Optional.of(progress(candidateId)).filter(p -> !p.get("stage").asText().startsWith("REGISTRATION")));
        long draft = as("drew").post("/api/drafts", Map.of("task", 2)).getBody().get("id").asLong();
        as("drew").put("/api/drafts/" + draft + "/details", Map.of("priorityArea", "Grade 4 reading fluency",
                "collaborationPoints", "Data analysis with the literacy coach", "collaborationRationale", "Her expertise",
                "collaborationRoles", "She pulled the data; I analysed it",
                "roster", java.util.Arrays.asList("Jordan Rivera", null, " ", "Sam Okafor")));

        upload(draft, "A", "form.pdf", EvidenceFixtures.pdf("Confidentiality and Anonymity Form"));
        upload(draft, "B", "memo.docx", EvidenceFixtures.docx("At Lincoln Elementary School Ms. Alvarez and Jordan "
                + "met weekly with the group to study fluency data and plan lessons together; write to "
                + "jordan.rivera@springfield.example with questions about the plan and its results."));
        byte[] link = EvidenceFixtures.pdf("See www.example.org/our-report");
        upload(draft, "C", "report.pdf", link);
        upload(draft, "D", "findings.pdf", link);
        upload(draft, "E1", "data.docx", EvidenceFixtures.docx(""));
        upload(draft, "E2", "group.docx", EvidenceFixtures.docx("Teacher A, Teacher B and Teacher C; null results "
                + "were set aside"));
        String page = IntStream.range(0, 550).mapToObj(i -> "word").collect(Collectors.joining(" "));
        upload(draft, "F", "commentary.pdf", EvidenceFixtures.pdf(page, page, "Commentary ends here"));

        JsonNode report = eventually(() -> Optional.of(as("drew").get("/api/drafts/" + draft + "/readiness").getBody())
                .filter(r -> !r.toString().contains("not-yet-read")));

        assertThat(rules(report, "A")).containsExactly("confidentiality-form");
        assertThat(rules(report, "B")).containsExactlyInAnyOrder("far-under-word-limit", "blinding-name",
                "blinding-name", "blinding-name", "blinding-honorific", "blinding-email");
        assertThat(excerpts(report, "B")).anyMatch(excerpt -> excerpt.contains("Ms. Alvarez"));
        assertThat(messages(report, "B")).contains(
                "\"Lincoln Elementary School\" identifies a person or place; use generic labels (Principal A, School B, Teacher C).",
                "\"Jordan\" identifies a person or place; use generic labels (Principal A, School B, Teacher C).",
                "\"Rivera\" identifies a person or place; use generic labels (Principal A, School B, Teacher C).");
        assertThat(rules(report, "C")).containsExactlyInAnyOrder("far-under-word-limit", "hyperlink-in-lieu",
                "web-address");
        assertThat(rules(report, "E1")).containsExactly("blank-file");
        assertThat(rules(report, "E2")).isEmpty();
        assertThat(rules(report, "E3")).containsExactly("missing-part");
        assertThat(messages(report, "F")).containsExactly(
                "commentary.pdf has 1103 words, over the limit of 1000: scorers need not read beyond it.",
                "commentary.pdf has 3 pages, over the 2 single-spaced pages allowed for this part.");
        assertThat(rules(report, "F")).containsExactly("over-word-limit", "over-page-limit");
        assertThat(rules(report, "C, D")).containsExactly("duplicate-file");
        assertThat(findings(report).filter(f -> f.path("conditionCode").asText().equals("C"))
                .map(f -> f.get("rule").asText()).distinct().toList())
                .containsExactlyInAnyOrder("confidentiality-form", "hyperlink-in-lieu", "blank-file", "missing-part",
                        "duplicate-file");
        assertThat(report.get("blocking").asInt()).isGreaterThan(0);
        assertThat(reports.findById(draft)).isPresent();

        JsonNode refused = as("drew").post("/api/drafts/" + draft + "/submission", Map.of("acknowledgeWarnings", true))
                .getBody();
        assertThat(refused.get("status").asInt()).isEqualTo(HttpStatus.CONFLICT.value());
        assertThat(refused.get("findings").findValuesAsText("severity")).containsOnly("BLOCKING");
        assertThat(as("morgan").get("/api/drafts/" + draft + "/readiness").getStatusCode())
                .as("not Drew's mentor").isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void upload(long draft, String part, String name, byte[] content) {
        assertThat(as("drew").putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}", content, draft, part, name)
                .getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    private static java.util.stream.Stream<JsonNode> findings(JsonNode report) {
        return StreamSupport.stream(report.get("findings").spliterator(), false);
    }

    private static List<String> rules(JsonNode report, String part) {
        return findings(report).filter(f -> part.equals(f.path("part").asText())).map(f -> f.get("rule").asText()).toList();
    }

    private static List<String> messages(JsonNode report, String part) {
        return findings(report).filter(f -> part.equals(f.path("part").asText())).map(f -> f.get("message").asText()).toList();
    }

    private static List<String> excerpts(JsonNode report, String part) {
        return findings(report).filter(f -> part.equals(f.path("part").asText()) && f.hasNonNull("excerpt"))
                .map(f -> f.get("excerpt").asText()).toList();
    }
}
