package org.palflow.originality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.palflow.drafting.SubmittedEvidence;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Screens each submission's text against every earlier submission, of every candidate and window, through a
 * winnowing index, ignoring passages that the allow-list corpus (the handbook's prompts; school and district
 * documents an admin adds) legitimately shares. A candidate's own earlier attempts do not count against them.
 * The index lives in memory and is rebuilt from the screening records. Screenings take turns across every app
 * instance (a row lock in the database, held until the screening commits), and each catches up with the records
 * committed before its turn: two instances screening at the same deadline see each other's submissions.
 */
@Service
public class OriginalityScreening {

    /** Shared fingerprints that make a match: about 30 words of shared passage with the default winnowing. */
    static final int DEFAULT_MIN_SHARED = 6;
    private static final int PASSAGE_WORDS = 80;

    private final ScreeningRecordRepository records;
    private final JdbcClient jdbc;
    private final AdministrativeReviewRepository reviews;
    private final SubmittedEvidence evidence;
    private final Clock clock;
    private final int minShared;
    private final AllowList allowed;
    private final OriginalityIndex index = new OriginalityIndex();
    private final Map<Integer, Long> candidateOfSubmission = new ConcurrentHashMap<>();
    private final TransactionTemplate catchUpReads;

    OriginalityScreening(ScreeningRecordRepository records, JdbcClient jdbc, AdministrativeReviewRepository reviews,
            SubmittedEvidence evidence, Clock clock, ResourcePatternResolver resources,
            OriginalityProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.catchUpReads = new TransactionTemplate(transactions);
        catchUpReads.setReadOnly(true);
        catchUpReads.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        catchUpReads.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
        String allowList = properties.allowList();
        int minShared = properties.minSharedFingerprints();
        this.records = records;
        this.reviews = reviews;
        this.evidence = evidence;
        this.clock = clock;
        this.minShared = minShared;
        try {
            this.allowed = AllowList.of(resources.getResources(allowList));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the originality allow-list " + allowList, e);
        }
    }

    /**
     * Whether the submission matches an earlier one; screening again returns the first verdict. One at a time:
     * submissions of a window are screened together at its deadline, and each must see the ones before it. Read
     * committed, so that what another instance committed while this one waited for its turn is read.
     */
    @Transactional(isolation = Isolation.READ_COMMITTED)
    public synchronized boolean screen(long submissionId) {
        jdbc.sql("SELECT id FROM originality_screening_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        Optional<ScreeningRecord> screened = records.findById(submissionId);
        if (screened.isPresent()) {
            return screened.get().getMatchedSubmissionId() != null;
        }
        catchUp();
        SubmittedEvidence.Submission submission = evidence.submission(submissionId);
        String text = evidence.fullText(submissionId);
        Fingerprints.Fingerprinted fingerprinted = Fingerprints.of(text);
        long[] hashes = screenable(fingerprinted);
        Optional<OriginalityIndex.Candidate> match = index.closest(hashes, minShared,
                document -> !Long.valueOf(submission.candidateId()).equals(candidateOfSubmission.get(document)));
        records.save(new ScreeningRecord(submissionId, submission.candidateId(), hashes.length,
                match.map(m -> (long) m.document()).orElse(null), match.map(OriginalityIndex.Candidate::sharedFingerprints)
                        .orElse(null), Instant.now(clock)));
        match.ifPresent(found -> {
            Fingerprints.Fingerprinted earlier = Fingerprints.of(evidence.fullText(found.document()));
            reviews.save(new AdministrativeReview(submissionId, found.document(), found.sharedFingerprints(),
                    passage(fingerprinted, earlier), passage(earlier, fingerprinted), Instant.now(clock)));
        });
        add(submissionId, submission.candidateId(), hashes);
        return match.isPresent();
    }

    /**
     * Adds the submissions screened since this index was last filled, here or on another instance. Reads in a
     * read-only transaction of its own (which sees the same committed records): in the screening's,
     * each query first checked every entity read before it for changes, so the catch-up after a start, n records,
     * cost n² checks (minutes at 4,000 submissions).
     */
    private void catchUp() {
        if (records.count() == index.documents()) {
            return;
        }
        catchUpReads.executeWithoutResult(status -> {
            for (ScreeningRecord record : records.findAll()) {
                if (!candidateOfSubmission.containsKey(documentOf(record.getSubmissionId()))) {
                    add(record.getSubmissionId(), record.getCandidateId(),
                            screenable(Fingerprints.of(evidence.fullText(record.getSubmissionId()))));
                }
            }
        });
    }

    private void add(long submissionId, long candidateId, long[] hashes) {
        int document = documentOf(submissionId);
        if (candidateOfSubmission.putIfAbsent(document, candidateId) == null) {
            index.add(document, hashes);
        }
    }

    private long[] screenable(Fingerprints.Fingerprinted fingerprinted) {
        return allowed.screenable(fingerprinted);
    }

    /** The words of {@code text} around the first fingerprint it shares with {@code other}. */
    private String passage(Fingerprints.Fingerprinted text, Fingerprints.Fingerprinted other) {
        Set<Long> otherHashes = other.fingerprints().stream().map(Fingerprints.Fingerprint::hash)
                .collect(Collectors.toSet());
        int start = text.fingerprints().stream().filter(fp -> otherHashes.contains(fp.hash()) && !allowed.allows(fp.hash()))
                .mapToInt(Fingerprints.Fingerprint::firstWord).findFirst().orElse(0);
        List<String> words = text.words().subList(start, Math.min(text.words().size(), start + PASSAGE_WORDS));
        String passage = String.join(" ", words);
        return passage.length() > 3900 ? passage.substring(0, 3900) : passage;
    }

    private static int documentOf(long submissionId) {
        return Math.toIntExact(submissionId);
    }
}
