package org.palflow.drafting;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.IdempotencyKey;
import org.springframework.core.io.InputStreamResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class DraftingController {

    private final DraftingService drafting;
    private final DraftWorkflow workflow;
    private final DraftMilestoneRepository milestones;
    private final EvidenceTexts texts;
    private final ReadinessReports readiness;

    DraftingController(DraftingService drafting, DraftWorkflow workflow, DraftMilestoneRepository milestones,
            EvidenceTexts texts, ReadinessReports readiness) {
        this.readiness = readiness;
        this.texts = texts;
        this.drafting = drafting;
        this.workflow = workflow;
        this.milestones = milestones;
    }

    record OpenRequest(@NotNull @Min(1) @Max(4) Integer task) {
    }

    record FileView(long id, String part, int version, String name, FileType type, String sha256, long sizeBytes,
            String uploadedBy, Instant uploadedAt) {
        static FileView of(EvidenceFile file) {
            return new FileView(file.getId(), file.getPartCode(), file.getFileVersion(), file.getOriginalName(),
                    file.getFileType(), file.getSha256(), file.getSizeBytes(), file.getUploadedBy(),
                    file.getUploadedAt());
        }
    }

    record PartView(String code, String name, EvidenceChart.PartKind kind, List<FileType> allowedTypes,
            Integer maxPages, Integer maxWords, boolean confirmed, FileView current, int versions) {
    }

    record ComponentView(DraftMilestone.Component component, DraftMilestone.Status status, String mentorComment,
            Instant markedDoneAt, Instant reviewedAt) {
        static ComponentView of(DraftMilestone milestone) {
            return new ComponentView(milestone.getComponent(), milestone.getStatus(), milestone.getMentorComment(),
                    milestone.getMarkedDoneAt(), milestone.getReviewedAt());
        }
    }

    record DraftView(long id, long candidateId, int task, String title, String handbookVersion,
            TaskDraft.Status status, List<ComponentView> components, List<PartView> parts) {
    }

    record ReviewRequest(@NotNull Boolean approved, @jakarta.validation.constraints.Size(max = 2000) String comment) {
    }

    record SubmittedFile(String part, long fileId, String sha256) {
    }

    record SubmissionView(long id, long draftId, int task, String handbookVersion, Instant submittedAt,
            List<SubmittedFile> files) {
    }

    @PostMapping("/drafts")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<DraftView> open(@Valid @RequestBody OpenRequest request) {
        DraftingService.Opened opened;
        try {
            opened = drafting.open(request.task(), Actor.current());
        } catch (DataIntegrityViolationException concurrentOpen) {
            opened = drafting.open(request.task(), Actor.current());
        }
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/drafts/" + opened.draft().getId()))
                .body(view(opened.draft()));
    }

    @GetMapping("/drafts/{draftId}")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    DraftView draft(@PathVariable long draftId) {
        return view(drafting.visibleDraft(draftId, Actor.current()));
    }

    @GetMapping("/candidates/{candidateId}/drafts")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    List<DraftView> drafts(@PathVariable long candidateId) {
        return drafting.draftsOf(candidateId, Actor.current()).stream().map(this::view).toList();
    }

    /** The request body is the file itself, streamed to storage; {@code name} is the name the candidate gave it. */
    @PutMapping(path = "/drafts/{draftId}/parts/{partCode}/file", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<FileView> upload(@PathVariable long draftId, @PathVariable String partCode,
            @RequestParam String name, InputStream body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        EvidenceFile file = drafting.upload(draftId, partCode, name, body, Actor.current(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(FileView.of(file));
    }

    @PostMapping("/drafts/{draftId}/components/{component}/done")
    @PreAuthorize("hasRole('candidate')")
    ComponentView markDone(@PathVariable long draftId, @PathVariable DraftMilestone.Component component) {
        return ComponentView.of(workflow.markDone(draftId, component, Actor.current()));
    }

    @PostMapping("/drafts/{draftId}/components/{component}/review")
    @PreAuthorize("hasRole('mentor')")
    ComponentView review(@PathVariable long draftId, @PathVariable DraftMilestone.Component component,
            @Valid @RequestBody ReviewRequest request) {
        return ComponentView.of(workflow.review(draftId, component, request.approved(), request.comment(),
                Actor.current()));
    }

    @PutMapping("/drafts/{draftId}/details")
    @PreAuthorize("hasRole('candidate')")
    DraftView describe(@PathVariable long draftId, @Valid @RequestBody DraftingService.Details details) {
        return view(drafting.describe(draftId, details, Actor.current()));
    }

    /** Everything that would stop or weaken the submission, worked out now from the files as they are. */
    @GetMapping("/drafts/{draftId}/readiness")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    ReadinessReports.Report readiness(@PathVariable long draftId) {
        return readiness.report(draftId, Actor.current());
    }

    record SubmitRequest(boolean acknowledgeWarnings) {
    }

    /**
     * Seals the draft when its readiness report has no blocking finding and any warnings are acknowledged;
     * afterwards the draft and its files are read-only.
     */
    @PostMapping("/drafts/{draftId}/submission")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<SubmissionView> submit(@PathVariable long draftId,
            @RequestBody(required = false) SubmitRequest request) {
        boolean alreadySubmitted = drafting.visibleDraft(draftId, Actor.current()).getStatus()
                == TaskDraft.Status.SUBMITTED;
        TaskSubmission submission = workflow.submit(draftId, request != null && request.acknowledgeWarnings(),
                Actor.current());
        SubmissionView view = new SubmissionView(submission.getId(), submission.getDraftId(),
                submission.getTaskNumber(), submission.getHandbookVersion(), submission.getSubmittedAt(),
                workflow.filesOf(submission).stream()
                        .map(file -> new SubmittedFile(file.getPartCode(), file.getEvidenceFileId(), file.getSha256()))
                        .toList());
        return ResponseEntity.status(alreadySubmitted ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }

    @GetMapping("/drafts/{draftId}/parts/{partCode}/files")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    List<FileView> versions(@PathVariable long draftId, @PathVariable String partCode) {
        return drafting.versions(draftId, partCode, Actor.current()).stream().map(FileView::of).toList();
    }

    record TextView(long fileId, EvidenceText.Status status, int words, int characters, String finding,
            String excerpt) {
    }

    /** 404 until the file has been read (moments after upload). */
    @GetMapping("/drafts/{draftId}/files/{fileId}/text")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    TextView text(@PathVariable long draftId, @PathVariable long fileId) {
        EvidenceText text = texts.textOf(draftId, fileId, Actor.current()).orElseThrow(() ->
                org.palflow.platform.web.ApiProblem.notFound("File " + fileId + " has not been read yet."));
        String body = text.getText() == null ? "" : text.getText().strip();
        return new TextView(fileId, text.getStatus(), text.getWordCount(), text.getCharCount(), text.getFinding(),
                body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    @GetMapping("/drafts/{draftId}/files/{fileId}/content")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    ResponseEntity<InputStreamResource> content(@PathVariable long draftId, @PathVariable long fileId) {
        DraftingService.Download download = drafting.download(draftId, fileId, Actor.current());
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(download.file().getSizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.file().getOriginalName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-SHA256", download.file().getSha256())
                .body(new InputStreamResource(download.content()));
    }

    private DraftView view(TaskDraft draft) {
        EvidenceChart chart = drafting.chartOf(draft);
        Map<String, List<EvidenceFile>> byPart = drafting.filesOf(draft).stream()
                .collect(Collectors.groupingBy(EvidenceFile::getPartCode));
        List<PartView> parts = chart.parts().stream().map(part -> {
            List<EvidenceFile> versions = byPart.getOrDefault(part.code(), List.of());
            FileView current = versions.isEmpty() ? null : FileView.of(versions.get(versions.size() - 1));
            return new PartView(part.code(), part.name(), part.kind(), part.allowedTypes(), part.maxPages(),
                    part.maxWords(), part.confirmed(), current, versions.size());
        }).toList();
        return new DraftView(draft.getId(), draft.getCandidateId(), draft.getTaskNumber(), chart.title(),
                draft.getHandbookVersion(), draft.getStatus(),
                milestones.findByDraftIdOrderBySequence(draft.getId()).stream().map(ComponentView::of).toList(), parts);
    }
}
