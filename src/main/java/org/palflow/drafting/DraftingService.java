package org.palflow.drafting;

import org.palflow.program.Programs;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.palflow.platform.data.StoreOrFind;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.IdempotencyKey;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.palflow.registration.CaseVisibility;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A candidate's drafts and their evidence files. Uploads stream to the store outside any database transaction;
 * a file is recorded only once it is whole and of a type its part allows, otherwise nothing of it is kept.
 */
@Service
public class DraftingService {

    private final TaskDraftRepository drafts;
    private final DraftMilestoneRepository milestones;
    private final EvidenceFileRepository files;
    private final EvidenceChartCatalog charts;
    private final EvidenceStore store;
    private final Candidates candidates;
    private final CaseVisibility visibility;
    private final Clock clock;
    private final TaskSubmissionRepository submissions;
    private final Programs programs;
    private final ObjectProvider<NewAttempts> newAttempts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    DraftingService(TaskDraftRepository drafts, DraftMilestoneRepository milestones, EvidenceFileRepository files, EvidenceChartCatalog charts,
            EvidenceStore store, Candidates candidates, CaseVisibility visibility, Clock clock,
            TaskSubmissionRepository submissions, Programs programs,
            ObjectProvider<NewAttempts> newAttempts, ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.events = events;
        this.transaction = transaction;
        this.drafts = drafts;
        this.milestones = milestones;
        this.files = files;
        this.charts = charts;
        this.store = store;
        this.candidates = candidates;
        this.visibility = visibility;
        this.clock = clock;
        this.submissions = submissions;
        this.programs = programs;
        this.newAttempts = newAttempts;
    }

    public record Opened(TaskDraft draft, boolean created) {
    }

    /**
     * Opens the candidate's draft for a task with its four components, in one transaction, or returns the one
     * already open, also to a request racing this one (they meet at the unique open-task key).
     */
    public Opened open(int task, Actor actor) {
        return StoreOrFind.inTransaction(transaction, status -> openOnce(task, actor));
    }

    private Opened openOnce(int task, Actor actor) {
        Candidate registration = candidates.latestOf(actor.email()).filter(Candidate::isActive)
                .orElseThrow(() -> ApiProblem.conflict("Drafts open once your registration is active."));
        if (charts.chart(registration.handbookVersion(), task).isEmpty()) {
            throw ApiProblem.notFound("Handbook " + registration.handbookVersion() + " has no task " + task
                    + "; PAL tasks are 1 to 4.");
        }
        Optional<TaskDraft> open = drafts.findByCandidateIdAndTaskNumberAndStatus(registration.id(), task,
                TaskDraft.Status.DRAFTING);
        if (open.isPresent()) {
            return new Opened(open.get(), false);
        }
        Optional<TaskSubmission> last = submissions.findFirstByCandidateIdAndTaskNumberOrderByIdDesc(
                registration.id(), task);
        last.ifPresent(submission -> checkMayDraftAgain(registration.id(), task, submission.getId()));
        // A new attempt is drafted under the handbook in force now, which may not be the one registered with.
        String handbook = last.isEmpty() ? registration.handbookVersion() : currentHandbook(registration);
        TaskDraft draft = drafts.saveAndFlush(new TaskDraft(registration.id(), task, handbook, Instant.now(clock)));
        milestones.saveAll(java.util.Arrays.stream(DraftMilestone.Component.values())
                .map(component -> new DraftMilestone(draft.getId(), component)).toList());
        events.publishEvent(new DraftOpened(draft.getId()));
        return new Opened(draft, true);
    }

    private void checkMayDraftAgain(long candidateId, int task, long lastSubmissionId) {
        newAttempts.orderedStream().forEach(policy -> policy.checkMayDraftAgain(candidateId, task, lastSubmissionId));
    }

    /** Why the task may not be drafted again after this submission, in the words of the rule; empty if it may. */
    public Optional<String> whyNoNewAttempt(long candidateId, int task, long lastSubmissionId) {
        try {
            checkMayDraftAgain(candidateId, task, lastSubmissionId);
            return Optional.empty();
        } catch (ApiProblem refused) {
            return Optional.of(refused.getBody().getDetail());
        }
    }

    private String currentHandbook(Candidate registration) {
        List<String> open = programs.openHandbooks();
        return open.contains(registration.handbookVersion()) ? registration.handbookVersion()
                : open.stream().max(String::compareTo).orElse(registration.handbookVersion());
    }

    /** Candidates see their own drafts, mentors their mentees', coordinators and admins all. */
    public TaskDraft visibleDraft(long draftId, Actor actor) {
        return drafts.findById(draftId).filter(draft -> visibility.mayRead(draft.getCandidateId(), actor))
                .orElseThrow(() -> noDraftToSee(draftId));
    }

    private static ApiProblem noDraftToSee(long draftId) {
        return ApiProblem.notFound("No draft " + draftId + " that you can see.");
    }

    public List<TaskDraft> draftsOf(long candidateId, Actor actor) {
        if (!visibility.mayRead(candidateId, actor)) {
            throw ApiProblem.notFound("No case " + candidateId + " that you can see.");
        }
        return drafts.findByCandidateIdOrderByTaskNumberAscIdAsc(candidateId);
    }

    public EvidenceChart chartOf(TaskDraft draft) {
        return charts.chart(draft.getHandbookVersion(), draft.getTaskNumber()).orElseThrow();
    }

    public List<EvidenceFile> filesOf(TaskDraft draft) {
        return files.findByDraftIdOrderByPartCodeAscFileVersionAsc(draft.getId());
    }

    /**
     * Stores a new version of a part's file. Sent again with the same {@code idempotencyKey} (or null for none), the
     * same file under the same name makes no second version: the first one is the answer, even once submitted.
     */
    public EvidenceFile upload(long draftId, String partCode, String fileName, InputStream content, Actor actor,
            String idempotencyKey) {
        String name = SafeFileName.of(fileName);
        Optional<EvidenceFile> earlier = earlierUpload(draftId, idempotencyKey, actor);
        TaskDraft draft = earlier.isPresent() ? drafts.findById(draftId).orElseThrow() : writableDraft(draftId, actor);
        EvidenceChart chart = chartOf(draft);
        EvidenceChart.Part part = partOf(draft, partCode);
        EvidenceStore.Stored stored;
        try {
            stored = store.put(content, chart.maxFileBytes());
        } catch (EvidenceStore.TooLarge e) {
            throw ApiProblem.of(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", name + " is larger than the "
                    + chart.maxFileBytes() / (1024 * 1024) + " MB a single file may have; nothing of it was kept.");
        } catch (IOException e) {
            throw new UncheckedIOException("Upload of " + name + " failed", e);
        }
        if (earlier.isPresent()) {
            return sameUpload(earlier.get(), partCode, name, stored, idempotencyKey);
        }
        try {
            FileType type = acceptedType(part, name, stored);
            return transaction.execute(status -> {
                int version = files.latestVersion(draftId, partCode) + 1;
                EvidenceFile file = files.saveAndFlush(new EvidenceFile(draftId, partCode, version, name, type,
                        stored, actor.username(), Instant.now(clock), idempotencyKey));
                events.publishEvent(new EvidenceFileStored(file.getId()));
                return file;
            });
        } catch (DataIntegrityViolationException raced) {
            // Two uploads at once: with one key, the other one stored it first; otherwise a version clash.
            Optional<EvidenceFile> first = earlierUpload(draftId, idempotencyKey, actor);
            if (first.isEmpty()) {
                deleteQuietly(stored.key(), raced);
                throw raced;
            }
            return sameUpload(first.get(), partCode, name, stored, idempotencyKey);
        } catch (RuntimeException refused) {
            deleteQuietly(stored.key(), refused);
            throw refused;
        }
    }

    private Optional<EvidenceFile> earlierUpload(long draftId, String idempotencyKey, Actor actor) {
        return idempotencyKey == null ? Optional.empty() : files.findByDraftIdAndIdempotencyKey(draftId,
                IdempotencyKey.valid(idempotencyKey)).filter(file -> file.getUploadedBy().equals(actor.username()));
    }

    /** The version the key made, if this is the same upload again; the bytes just received are not kept. */
    private EvidenceFile sameUpload(EvidenceFile first, String partCode, String name, EvidenceStore.Stored again,
            String idempotencyKey) {
        ApiProblem reused = IdempotencyKey.reused(idempotencyKey);
        deleteQuietly(again.key(), reused);
        if (!first.isSameUploadAs(partCode, name, again)) {
            throw reused;
        }
        return first;
    }

    public record Details(@jakarta.validation.constraints.Size(max = 500) String priorityArea,
            @jakarta.validation.constraints.Size(max = 2000) String collaborationPoints,
            @jakarta.validation.constraints.Size(max = 2000) String collaborationRationale,
            @jakarta.validation.constraints.Size(max = 2000) String collaborationRoles,
            @jakarta.validation.constraints.Size(max = 60) List<@jakarta.validation.constraints.Size(max = 60) String> roster) {
    }

    @Transactional
    public TaskDraft describe(long draftId, Details details, Actor actor) {
        writableDraft(draftId, actor);
        TaskDraft draft = drafts.findById(draftId).orElseThrow();
        draft.describe(strip(details.priorityArea()), strip(details.collaborationPoints()),
                strip(details.collaborationRationale()), strip(details.collaborationRoles()), details.roster(),
                Instant.now(clock));
        return draft;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }

    @Transactional
    void recordProcessInstance(long draftId, long processInstanceKey) {
        drafts.recordProcessInstance(draftId, processInstanceKey);
    }

    boolean processStarted(long draftId) {
        return drafts.findById(draftId).orElseThrow().processStarted();
    }

    public List<EvidenceFile> versions(long draftId, String partCode, Actor actor) {
        partOf(visibleDraft(draftId, actor), partCode);
        return files.findByDraftIdAndPartCodeOrderByFileVersionAsc(draftId, partCode);
    }

    /** The part of the draft's evidence chart, or 404 naming the parts the task has. */
    private EvidenceChart.Part partOf(TaskDraft draft, String partCode) {
        EvidenceChart chart = chartOf(draft);
        return chart.part(partCode).orElseThrow(() -> ApiProblem.notFound("Task " + draft.getTaskNumber()
                + " has no part " + partCode + "; its parts are "
                + chart.parts().stream().map(EvidenceChart.Part::code).collect(Collectors.joining(", ")) + "."));
    }

    public record Download(EvidenceFile file, InputStream content) {
    }

    public Download download(long draftId, long fileId, Actor actor) {
        visibleDraft(draftId, actor);
        EvidenceFile file = files.findById(fileId).filter(f -> f.getDraftId() == draftId)
                .orElseThrow(() -> ApiProblem.notFound("Draft " + draftId + " has no file " + fileId + "."));
        try {
            return new Download(file, store.open(file.getStorageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored file " + fileId + " cannot be read", e);
        }
    }

    private FileType acceptedType(EvidenceChart.Part part, String name, EvidenceStore.Stored stored) {
        if (stored.size() == 0) {
            throw ApiProblem.of(HttpStatus.UNPROCESSABLE_ENTITY, "Empty file", name + " is empty.");
        }
        String allowed = part.allowedTypes().stream().map(t -> "." + t.extension()).collect(Collectors.joining(", "));
        FileType type;
        try {
            type = FileTypeDetector.detect(store.localPath(stored.key())).orElseThrow(() -> ApiProblem.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file",
                    name + " is not a " + allowed + " file by its content."));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!part.allowedTypes().contains(type)) {
            throw ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported file", part.name() + " takes "
                    + allowed + "; " + name + " is a " + type.extension() + " file.");
        }
        String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        if (extension.isEmpty()) {
            throw ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File name without extension", name
                    + " has no extension; its content is a ." + type.extension() + " file, so name it "
                    + name + "." + type.extension() + ".");
        }
        if (FileType.ofExtension(extension).filter(type::equals).isEmpty()) {
            throw ApiProblem.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File name and content disagree", name
                    + " is named ." + extension + " but its content is a ." + type.extension() + " file.");
        }
        return type;
    }

    /** The draft if the actor is its candidate: others may read it at most. */
    TaskDraft ownedDraft(long draftId, Actor actor) {
        TaskDraft draft = drafts.findById(draftId).orElseThrow(() -> noDraftToSee(draftId));
        if (visibility.isTheCandidate(draft.getCandidateId(), actor)) {
            return draft;
        }
        if (visibility.mayRead(draft.getCandidateId(), actor)) {
            throw ApiProblem.forbidden("Only the candidate writes in their draft.");
        }
        throw noDraftToSee(draftId);
    }

    TaskDraft writableDraft(long draftId, Actor actor) {
        TaskDraft draft = ownedDraft(draftId, actor);
        if (draft.getStatus() != TaskDraft.Status.DRAFTING) {
            throw ApiProblem.conflict("Draft " + draftId + " was submitted and is read-only.");
        }
        return draft;
    }


    private void deleteQuietly(String key, RuntimeException cause) {
        try {
            store.delete(key);
        } catch (IOException e) {
            cause.addSuppressed(e);
        }
    }
}
