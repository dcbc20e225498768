package org.palflow.drafting;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Extracts each distinct file content once; later uploads of the same bytes reuse the result. */
@Service
public class EvidenceTexts {

    private final EvidenceFileRepository files;
    private final EvidenceTextRepository texts;
    private final EvidenceStore store;
    private final TextExtractor extractor;
    private final DraftingService drafting;
    private final TransactionTemplate transaction;
    private final Clock clock;

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
        Optional<EvidenceText> known = texts.findById(file.getSha256());
        if (known.isPresent()) {
            return known.get();
        }
        TextExtractor.Extraction extraction = extractor.extract(store.localPath(file.getStorageKey()),
                file.getOriginalName(), file.getFileType());
        try {
            return transaction.execute(status -> texts.saveAndFlush(
                    new EvidenceText(file.getSha256(), extraction, Instant.now(clock))));
        } catch (DataIntegrityViolationException alreadyStored) {
            return texts.findById(file.getSha256()).orElseThrow(() -> alreadyStored);
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
