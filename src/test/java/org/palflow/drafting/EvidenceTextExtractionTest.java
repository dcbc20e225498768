package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.palflow.support.EvidenceFixtures;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

/** Text is read after upload, by the evidence-extraction process, and every unreadable file becomes a finding. */
@ExtendWith(OutputCaptureExtension.class)
class EvidenceTextExtractionTest extends PalFlowTest {

    static final Map<String, Object> BLAKE = candidate("Blake Candidate", "blake.candidate@palflow.example");

    @Autowired
    EvidenceTextRepository texts;
    @Autowired
    EvidenceTexts evidenceTexts;
    @Autowired
    EvidenceFileRepository files;
    @Autowired
    EvidenceStore store;
    @Autowired
    TransactionTemplate transaction;

    long draftId;

    @BeforeEach
    void blakesTask1Draft() {
        long candidateId = as("blake").post("/api/registrations", BLAKE).getBody().get("id").asLong();
        eventually(() -> Optional.of(progress(candidateId)).filter(p -> !p.get("stage").asText().startsWith("REGISTRATION")));
        draftId = as("blake").post("/api/drafts", Map.of("task", 1)).getBody().get("id").asLong();
    }

    @Test
    void wordsAreCountedInWordPdfAndOpenDocumentFiles() {
        assertThat(readText("B", "memo.docx", EvidenceFixtures.docx("One two three four five six seven."))
                .get("words").asInt()).isEqualTo(7);
        assertThat(readText("C", "report.pdf", EvidenceFixtures.pdf("alpha beta gamma")).get("words").asInt())
                .isEqualTo(3);
        JsonNode odt = readText("D", "findings.odt", EvidenceFixtures.odt("Findings for the learning group"));
        assertThat(odt.get("status").asText()).isEqualTo("READABLE");
        assertThat(odt.get("words").asInt()).isEqualTo(5);
        assertThat(odt.get("excerpt").asText()).isEqualTo("Findings for the learning group");
    }

    @Test
    void theSameBytesAreReadOnce() {
        byte[] content = EvidenceFixtures.docx("Stakeholder input from the family survey.");
        long firstFile = upload("E1", "input.docx", content);
        awaitText(firstFile);
        long rowsBefore = texts.count();

        long secondFile = upload("E2", "input-copy.docx", content);
        long instance = processInstanceWith("evidence-extraction", "fileId", secondFile);
        awaitProcess(instance, process -> process.isCompleted()).hasPassedElement("extract-evidence-text");

        assertThat(texts.count()).isEqualTo(rowsBefore);
        assertThat(awaitText(secondFile).get("words").asInt()).isEqualTo(6);
    }

    @Test
    void aMalformedDocumentIsAFindingNotACrash() {
        byte[] malformed = zip("[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document><w:body><unclosed");
        JsonNode text = readText("F", "commentary.docx", malformed);
        assertThat(text.get("status").asText()).as(text.toString()).isEqualTo("CORRUPT");
        assertThat(text.get("finding").asText()).startsWith("commentary.docx cannot be opened (")
                .endsWith("scorers would code it C (unopenable file).");
    }

    @Test
    void aPasswordProtectedPdfIsAFinding() throws IOException {
        JsonNode text = readText("A", "confidentiality.pdf", encryptedPdf());
        assertThat(text.get("status").asText()).isEqualTo("ENCRYPTED");
        assertThat(text.get("finding").asText()).isEqualTo("confidentiality.pdf is password-protected: scorers cannot "
                + "open it (condition code C). Upload it without a password.");
    }

    @Test
    void aPasswordProtectedWordDocumentIsAFinding() throws Exception {
        JsonNode text = readText("C", "report.docx", encryptedDocx());
        assertThat(text.get("status").asText()).as(text.toString()).isEqualTo("ENCRYPTED");
        assertThat(text.get("finding").asText()).isEqualTo("report.docx is password-protected: scorers cannot "
                + "open it (condition code C). Upload it without a password.");
    }

    @Test
    void anArchiveBombIsNotExpanded() throws IOException {
        JsonNode text = readText("B", "bomb.docx", zipBombDocx());
        assertThat(text.get("status").asText()).as(text.toString()).isEqualTo("ARCHIVE_BOMB");
        assertThat(text.get("finding").asText()).contains("expands to far more than its size");
    }

    /** Two uploads of the same new bytes read at the same moment: read once, both given the text, nothing failed. */
    @Test
    void theSameBytesReadByTwoAtOnceAreReadOnce(CapturedOutput output) throws Exception {
        String words = "Observation notes from the instructional round with the grade five team. ".repeat(2_000);
        EvidenceStore.Stored stored = store.put(new ByteArrayInputStream(EvidenceFixtures.docx(words)), 1 << 24);
        List<Long> unread = List.of(unreadFile("B", "notes.docx", stored), unreadFile("C", "notes-again.docx", stored));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService readers = Executors.newFixedThreadPool(2);
        try {
            List<Future<EvidenceText>> reads = unread.stream().map(file -> readers.submit(() -> {
                start.await();
                return evidenceTexts.extract(file);
            })).toList();
            start.countDown();
            for (Future<EvidenceText> read : reads) {
                assertThat(read.get(30, TimeUnit.SECONDS).getWordCount()).isEqualTo(22_000);
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(texts.existsById(stored.sha256())).isTrue();
        assertThat(output).doesNotContain("Duplicate entry");
    }

    /** A submission waits for files still being read: woken by the reading, not refused while it happens. */
    @Test
    void aWaitForReadingEndsWhenTheDraftsNewestFilesAreRead() throws Exception {
        EvidenceStore.Stored stored = store.put(new ByteArrayInputStream(
                EvidenceFixtures.docx("Entry plan notes for the leadership team.")), 1 << 20);
        long unread = unreadFile("B", "notes.docx", stored);

        assertThat(evidenceTexts.awaitRead(draftId, Duration.ofMillis(300))).isFalse();
        assertThat(texts.existsById(stored.sha256())).isFalse();

        CompletableFuture<EvidenceText> reading = CompletableFuture.supplyAsync(() -> evidenceTexts.extract(unread),
                CompletableFuture.delayedExecutor(300, TimeUnit.MILLISECONDS));
        assertThat(evidenceTexts.awaitRead(draftId, Duration.ofSeconds(20))).isTrue();
        assertThat(reading.get().getWordCount()).isEqualTo(7);
        assertThat(texts.existsById(stored.sha256())).isTrue();
    }

    /** Stored without the event that starts its reading: only the test reads it. */
    private long unreadFile(String part, String name, EvidenceStore.Stored stored) {
        return transaction.execute(status -> files.saveAndFlush(new EvidenceFile(draftId, part,
                files.latestVersion(draftId, part) + 1, name, FileType.DOCX, stored, "blake", Instant.now(), null)))
                .getId();
    }

    private JsonNode readText(String part, String name, byte[] content) {
        long fileId = upload(part, name, content);
        long instance = processInstanceWith("evidence-extraction", "fileId", fileId);
        awaitProcess(instance, process -> process.isCompleted())
                .hasPassedElementsInOrder("evidence-file-stored", "extract-evidence-text", "text-extracted")
                .hasNoIncidents();
        return awaitText(fileId);
    }

    private long upload(String part, String name, byte[] content) {
        ResponseEntity<JsonNode> stored = as("blake").putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}",
                content, draftId, part, name);
        assertThat(stored.getStatusCode()).as(String.valueOf(stored.getBody())).isEqualTo(HttpStatus.CREATED);
        return stored.getBody().get("id").asLong();
    }

    private JsonNode awaitText(long fileId) {
        return eventually(() -> {
            ResponseEntity<JsonNode> text = as("blake").get("/api/drafts/" + draftId + "/files/" + fileId + "/text");
            return text.getStatusCode() == HttpStatus.OK ? Optional.of(text.getBody()) : Optional.empty();
        });
    }

    private static byte[] encryptedPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner-secret", "user-secret",
                    new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            return out.toByteArray();
        }
    }

    /** A .docx saved with a password, as Word does it: the encrypted package inside an OLE2 container. */
    private static byte[] encryptedDocx() throws Exception {
        try (POIFSFileSystem container = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("candidate-secret");
            try (OutputStream encrypted = encryptor.getDataStream(container)) {
                encrypted.write(EvidenceFixtures.docx("Results of the group's learning cycle."));
            }
            container.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    /** A valid .docx whose document part inflates to 50 MB from about fifty kilobytes. */
    private static byte[] zipBombDocx() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                        + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>")
                    .getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            zip.write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] block = new byte[1024 * 1024];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 50; i++) {
                zip.write(block);
            }
            zip.write("</w:t></w:r></w:p></w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] zip(String... entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries.length; i += 2) {
                zip.putNextEntry(new ZipEntry(entries[i]));
                zip.write(entries[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
