package org.palflow.drafting;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reads the text of .doc, .docx, .odt and .pdf files with Apache Tika, within bounds: at most
 * {@code pal.drafting.extraction.max-characters} characters and {@code pal.drafting.extraction.timeout} per file.
 * Whatever goes wrong becomes a finding for the candidate, never an exception for the worker.
 */
@Component
class TextExtractor {

    record Extraction(EvidenceText.Status status, String text, int words, String finding) {
    }

    private final AutoDetectParser parser = new AutoDetectParser();
    private final ExecutorService executor = Executors.newCachedThreadPool(Thread.ofPlatform()
            .name("evidence-extraction-", 0).daemon().factory());
    private final Duration timeout;
    private final int maxCharacters;

    TextExtractor(@Value("${pal.drafting.extraction.timeout}") Duration timeout,
            @Value("${pal.drafting.extraction.max-characters}") int maxCharacters) {
        this.timeout = timeout;
        this.maxCharacters = maxCharacters;
    }

    Extraction extract(Path file, String name, FileType type) {
        Future<Extraction> reading = executor.submit(() -> read(file, name, type));
        try {
            return reading.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            return new Extraction(EvidenceText.Status.TIMED_OUT, null, 0, name + " could not be read within "
                    + timeout.toSeconds() + " s; scorers may not be able to open it either (condition code C).");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading " + name, e);
        } catch (ExecutionException e) {
            return unreadable(name, e.getCause());
        }
    }

    private Extraction read(Path file, String name, FileType type) {
        BodyContentHandler text = new BodyContentHandler(maxCharacters);
        // The type was already decided from the content at upload; telling Tika spares it guessing again.
        Metadata metadata = new Metadata();
        metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        metadata.set(Metadata.CONTENT_TYPE, type.mediaType());
        try (InputStream in = Files.newInputStream(file)) {
            parser.parse(in, text, metadata, new ParseContext());
        } catch (Exception e) {
            if (WriteLimitReachedException.isWriteLimitReached(e)) {
                String read = text.toString();
                return new Extraction(EvidenceText.Status.TRUNCATED, read, WordCount.of(read), name + " has more than "
                        + maxCharacters + " characters of text; only those were read and counted.");
            }
            return unreadable(name, e);
        }
        String read = text.toString();
        return new Extraction(EvidenceText.Status.READABLE, read, WordCount.of(read), null);
    }

    private static Extraction unreadable(String name, Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof EncryptedDocumentException) {
                return new Extraction(EvidenceText.Status.ENCRYPTED, null, 0, name + " is password-protected: scorers "
                        + "cannot open it (condition code C). Upload it without a password.");
            }
            String message = String.valueOf(cause.getMessage()).toLowerCase();
            if (message.contains("zip bomb") || message.contains("suspected zip bomb")) {
                return new Extraction(EvidenceText.Status.ARCHIVE_BOMB, null, 0, name + " expands to far more than its "
                        + "size, as archive bombs do; it was not read (condition code C).");
            }
        }
        return new Extraction(EvidenceText.Status.CORRUPT, null, 0, name + " cannot be opened (" + rootMessage(problem)
                + "); scorers would code it C (unopenable file).");
    }

    private static String rootMessage(Throwable problem) {
        Throwable root = problem;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.length() > 200 ? message.substring(0, 200) + "…" : message;
    }
}
