package org.palflow.drafting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Extracts each distinct file content once; later uploads of the same bytes reuse the result. */
@Service
public class EvidenceTexts {

    /** How soon a wait sees a file read by another instance of the app, which cannot wake it. */
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final EvidenceFileRepository files;
    private final EvidenceTextRepository texts;
    private final EvidenceStore store;
    private final TextExtractor extractor;
    private final DraftingService drafting;
    private final TransactionTemplate transaction;
    private final Clock clock;
    /** Per draft being waited for, a permit for each of its files read in this JVM since the wait began. */
    private final Map<Long, Semaphore> filesRead = new ConcurrentHashMap<>();
    /**
     * Contents being read in this JVM, by hash: the same bytes uploaded twice at once are read once, and the second
     * upload takes the first one's text instead of failing to store its own.
     */
    private final Map<String, CompletableFuture<EvidenceText>> reading = new ConcurrentHashMap<>();

    EvidenceTexts(EvidenceFileRepository files, EvidenceTextRepository texts, EvidenceStore store,
            TextExtractor extractor, DraftingService drafting, TransactionTemplate transaction, Clock clock) {
        this.files = files;
        this.texts = texts;
        this.store = store;
        this.extractor = extractor;
        this.drafting = drafting;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Idempotent: a hash already read is not read again, and a concurrent duplicate is ignored. */
    public EvidenceText extract(long fileId) {
        EvidenceFile file = files.findById(fileId).orElseThrow(() -> new IllegalStateException("No evidence file " + fileId));
        EvidenceText text = readOnce(file);
        Optional.ofNullable(filesRead.get(file.getDraftId())).ifPresent(Semaphore::release);
        return text;
    }

    private EvidenceText readOnce(EvidenceFile file) {
        CompletableFuture<EvidenceText> mine = new CompletableFuture<>();
        CompletableFuture<EvidenceText> underWay = reading.putIfAbsent(file.getSha256(), mine);
        if (underWay != null) {
            return underWay.join();
        }
        try {
            // Looked up once this call holds the hash: a read of it that ended before has stored its text and left
            // the map, so a file delivered again, or a copy of one read before, is not read again.
            EvidenceText text = texts.findById(file.getSha256()).orElseGet(() -> read(file));
            mine.complete(text);
            return text;
        } catch (RuntimeException | Error failure) {
            mine.completeExceptionally(failure);
            throw failure;
        } finally {
            reading.remove(file.getSha256(), mine);
        }
    }

    private EvidenceText read(EvidenceFile file) {
        TextExtractor.Extraction extraction = extractor.extract(store.localPath(file.getStorageKey()),
                file.getOriginalName(), file.getFileType());
        try {
            return transaction.execute(status -> texts.saveAndFlush(
                    new EvidenceText(file.getSha256(), extraction, Instant.now(clock))));
        } catch (DataIntegrityViolationException alreadyStored) {
            return texts.findById(file.getSha256()).orElseThrow(() -> alreadyStored);
        }
    }

    /**
     * Waits, holding no transaction, until the newest file of each of the draft's parts has been read or
     * {@code patience} has passed; true if they have all been read. Files are read moments after their upload, so a
     * submission made right after the last upload waits for them here instead of being refused.
     */
    public boolean awaitRead(long draftId, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        // Registered before counting: a file read after the count leaves a permit, so no reading is missed.
        Semaphore reads = filesRead.computeIfAbsent(draftId, draft -> new Semaphore(0));
        try {
            for (long unread = files.countUnread(draftId); unread > 0; unread = files.countUnread(draftId)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                // Counted again once all of them have been read here, or each second for reads on other instances.
                reads.tryAcquire(Math.toIntExact(unread), Math.min(left, RECHECK.toNanos()), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            filesRead.remove(draftId, reads);
        }
    }

    /** The text of a file the actor may see, once it has been read. */
    public Optional<EvidenceText> textOf(long draftId, long fileId, Actor actor) {
        drafting.visibleDraft(draftId, actor);
        EvidenceFile file = files.findById(fileId).filter(f -> f.getDraftId() == draftId)
                .orElseThrow(() -> ApiProblem.notFound("Draft " + draftId + " has no file " + fileId + "."));
        return texts.findById(file.getSha256());
    }
}
