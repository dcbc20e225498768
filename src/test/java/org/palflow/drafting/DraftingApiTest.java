package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.palflow.support.Api;
import org.palflow.support.EvidenceFixtures;
import org.palflow.support.PalFlowTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Blake's Task 2 draft: streamed uploads checked by content, versions kept, and who may read or write it. */
class DraftingApiTest extends PalFlowTest {

    static final Map<String, Object> BLAKE = candidate("Blake Candidate", "blake.candidate@palflow.example");

    long draftId;

    @BeforeEach
    void blakeHasAnOpenTask2Draft() {
        long candidateId = as("blake").post("/api/registrations", BLAKE).getBody().get("id").asLong();
        awaitStage(candidateId, "AWAITING_MENTOR_PROPOSAL");
        ResponseEntity<JsonNode> opened = as("blake").post("/api/drafts", Map.of("task", 2));
        assertThat(opened.getStatusCode()).isIn(HttpStatus.CREATED, HttpStatus.OK);
        draftId = opened.getBody().get("id").asLong();
    }

    @Test
    void oneOpenDraftPerTaskShowingItsEvidenceChart() {
        ResponseEntity<JsonNode> again = as("blake").post("/api/drafts", Map.of("task", 2));
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(again.getBody().get("id").asLong()).isEqualTo(draftId);
        assertThat(again.getBody().get("title").asText())
                .isEqualTo("Instructional Leadership for a Professional Learning Culture");
        assertThat(again.getBody().get("parts").findValuesAsText("code"))
                .containsExactly("A", "B", "C", "D", "E1", "E2", "E3", "E4", "E5", "E6", "F");
        assertThat(as("blake").post("/api/drafts", Map.of("task", 5)).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void realDocumentsAreStoredWithTheirHashAndReplacementsKeepEarlierVersions() throws Exception {
        byte[] first = EvidenceFixtures.docx("Our priority academic area is grade 4 reading.");
        JsonNode stored = upload("B", "artifact-1.docx", first).getBody();
        assertThat(stored.get("type").asText()).isEqualTo("DOCX");
        assertThat(stored.get("sha256").asText()).isEqualTo(sha256(first));
        assertThat(stored.get("version").asInt()).isEqualTo(1);
        assertThat(upload("C", "artifact-2.pdf", EvidenceFixtures.pdf("Group learning report"))
                .getBody().get("type").asText()).isEqualTo("PDF");
        assertThat(upload("D", "artifact-3.odt", EvidenceFixtures.odt("Findings and recommendations"))
                .getBody().get("type").asText()).isEqualTo("ODT");

        byte[] second = EvidenceFixtures.docx("Our priority academic area is grade 4 reading fluency.");
        assertThat(upload("B", "artifact-1-v2.docx", second).getBody().get("version").asInt()).isEqualTo(2);

        JsonNode versions = as("blake").get("/api/drafts/" + draftId + "/parts/B/files").getBody();
        assertThat(versions.findValuesAsText("name")).containsExactly("artifact-1.docx", "artifact-1-v2.docx");
        ResponseEntity<JsonNode> noSuchPart = as("blake").get("/api/drafts/" + draftId + "/parts/NO-SUCH/files");
        assertThat(noSuchPart.getStatusCode()).as("a part the task does not have").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(noSuchPart.getBody().get("detail").asText()).startsWith("Task 2 has no part NO-SUCH");
        ResponseEntity<byte[]> original = as("blake").download("/api/drafts/" + draftId + "/files/"
                + versions.get(0).get("id").asLong() + "/content");
        assertThat(original.getBody()).isEqualTo(first);
        assertThat(original.getHeaders().getFirst("X-Content-SHA256")).isEqualTo(sha256(first));
        assertThat(original.getHeaders().getContentDisposition().getFilename()).isEqualTo("artifact-1.docx");
        JsonNode draft = as("blake").get("/api/drafts/" + draftId).getBody();
        assertThat(draft.at("/parts/1/current/name").asText()).isEqualTo("artifact-1-v2.docx");
        assertThat(draft.at("/parts/1/versions").asInt()).isEqualTo(2);
    }

    @Test
    void theTypeIsDecidedByContentNotByName() {
        ResponseEntity<JsonNode> renamed = upload("B", "memo.pdf", EvidenceFixtures.docx("text"));
        assertThat(renamed.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(renamed.getBody().get("detail").asText())
                .isEqualTo("memo.pdf is named .pdf but its content is a .docx file.");

        ResponseEntity<JsonNode> notADocument = upload("B", "memo.pdf", "just text".getBytes(StandardCharsets.UTF_8));
        assertThat(notADocument.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(notADocument.getBody().get("detail").asText())
                .isEqualTo("memo.pdf is not a .doc, .docx, .odt, .pdf file by its content.");

        ResponseEntity<JsonNode> empty = upload("B", "memo.docx", new byte[0]);
        assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(empty.getBody().get("detail").asText()).isEqualTo("memo.docx is empty.");

        assertThat(upload("Z", "memo.docx", EvidenceFixtures.docx("text")).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("blake").get("/api/drafts/" + draftId + "/parts/B/files").getBody().findValuesAsText("name"))
                .doesNotContain("memo.pdf", "memo.docx");
    }

    @Test
    void aPathInTheFileNameIsDropped() {
        JsonNode stored = upload("E1", "../../../etc/cron.d/background.pdf", EvidenceFixtures.pdf("data")).getBody();
        assertThat(stored.get("name").asText()).isEqualTo("background.pdf");
        assertThat(upload("E2", "..\\..\\group.pdf", EvidenceFixtures.pdf("list")).getBody().get("name").asText())
                .isEqualTo("group.pdf");
    }

    @Test
    void directionOverridesAreDroppedFromAFileNameSoItShowsAsWhatItIs() {
        JsonNode stored = upload("E1", "report\u202Excod.pdf", EvidenceFixtures.pdf("data")).getBody();
        assertThat(stored.get("name").asText()).as("not shown as reportfdp.docx").isEqualTo("reportxcod.pdf");
    }

    /** curl --data-binary sends application/x-www-form-urlencoded unless told otherwise. */
    @Test
    void aFileSentAsIfItWereAFormIsStoredAsSent() throws Exception {
        byte[] content = EvidenceFixtures.pdf("sent as a form");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/drafts/" + draftId + "/parts/E4/file?name=f.pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("blake:blake-pal".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.body()).contains("\"sha256\":\"" + sha256(content) + "\"");
    }

    @Test
    void aFileNamedOnlyByItsExtensionOrWithoutOneGetsAClearAnswer() {
        ResponseEntity<JsonNode> bareExtension = upload("E2", ".pdf", EvidenceFixtures.pdf("list"));
        assertThat(bareExtension.getStatusCode()).as(String.valueOf(bareExtension.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        assertThat(bareExtension.getBody().get("name").asText()).isEqualTo("file.pdf");

        ResponseEntity<JsonNode> noExtension = upload("E2", "group list", EvidenceFixtures.pdf("list"));
        assertThat(noExtension.getStatusCode()).isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
        assertThat(noExtension.getBody().get("detail").asText())
                .isEqualTo("group list has no extension; its content is a .pdf file, so name it group list.pdf.");
    }

    @Test
    void onlyTheCandidateWritesAndOnlyThoseAllowedRead() {
        assertThat(as("avery").get("/api/drafts/" + draftId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(Api.as(port, "avery").putBytes("/api/drafts/" + draftId + "/parts/B/file?name=x.pdf",
                EvidenceFixtures.pdf("x")).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("casey").get("/api/drafts/" + draftId).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("casey").putBytes("/api/drafts/" + draftId + "/parts/B/file?name=x.pdf",
                EvidenceFixtures.pdf("x")).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("riley").get("/api/drafts/" + draftId).getStatusCode())
                .as("not Blake's mentor").isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(as("sam").get("/api/drafts/" + draftId).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void aFileOverTheLimitIsRefusedWhileStreamingAndNothingOfItIsKept() throws Exception {
        long limit = 500L * 1024 * 1024;
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/drafts/" + draftId + "/parts/C/file?name=huge.pdf"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("blake:blake-pal".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new PdfOfSize(limit + 1)))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("huge.pdf is larger than the 500 MB a single file may have");
        try (Stream<Path> left = Files.walk(dataDir().resolve("evidence"))) {
            assertThat(left.filter(Files::isRegularFile).filter(file -> file.toString().endsWith(".part")))
                    .isEmpty();
        }
        try (Stream<Path> stored = Files.walk(dataDir().resolve("evidence"))) {
            assertThat(stored.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).max().orElse(0))
                    .isLessThan(limit);
        }
    }

    /** Over the 10 MB the request filter holds: the upload keeps its key itself. */
    @Test
    void anUploadSentAgainWithItsKeyMakesOneVersion() throws Exception {
        byte[] large = new PdfOfSize(12L * 1024 * 1024).readAllBytes();
        String key = UUID.randomUUID().toString();
        String path = "/api/drafts/{draft}/parts/{part}/file?name={name}";

        ResponseEntity<JsonNode> first = as("blake").putBytes(key, path, large, draftId, "E3", "large.pdf");
        ResponseEntity<JsonNode> again = as("blake").putBytes(key, path, large, draftId, "E3", "large.pdf");
        ResponseEntity<JsonNode> otherFile = as("blake").putBytes(key, path, EvidenceFixtures.pdf("other"), draftId,
                "E3", "large.pdf");

        assertThat(first.getStatusCode()).as(String.valueOf(first.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(again.getBody()).isEqualTo(first.getBody());
        assertThat(otherFile.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(otherFile.getBody().get("detail").asText()).contains("was sent before with another request");
        JsonNode part = as("blake").get("/api/drafts/" + draftId).getBody().get("parts").findParents("code").stream()
                .filter(p -> p.get("code").asText().equals("E3")).findFirst().orElseThrow();
        assertThat(part.get("versions").asInt()).isEqualTo(1);
    }

    private ResponseEntity<JsonNode> upload(String part, String name, byte[] content) {
        return as("blake").putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}", content, draftId, part, name);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** A PDF header followed by zeros, generated as it is read: never held in memory. */
    private static final class PdfOfSize extends InputStream {
        private final byte[] header = "%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long position;

        PdfOfSize(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position >= size) {
                return -1;
            }
            return position < header.length ? header[(int) position++] : (int) (position++ * 0);
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (position >= size) {
                return -1;
            }
            int count = (int) Math.min(length, size - position);
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = position < header.length ? header[(int) position] : 0;
                position++;
            }
            return count;
        }
    }
}
