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
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.IdempotencyKey;
import org.springframework.core.io.InputStreamResource;
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
    private final DraftViews views;
    private final EvidenceTexts texts;
    private final ReadinessReports readiness;

    DraftingController(DraftingService drafting, DraftWorkflow workflow, DraftViews views,
            EvidenceTexts texts, ReadinessReports readiness) {
        this.readiness = readiness;
        this.texts = texts;
        this.drafting = drafting;
        this.workflow = workflow;
        this.views = views;
    }

    record OpenRequest(@NotNull @Min(1) @Max(4) Integer task) {
    }

    record ReviewRequest(@NotNull Boolean approved, String comment) {
    }

    record SubmittedFile(String part, long fileId, String sha256) {
    }

    record SubmissionView(long id, long draftId, int task, String handbookVersion, Instant submittedAt,
            List<SubmittedFile> files) {
    }

    @PostMapping("/drafts")
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<DraftViews.DraftView> open(@Valid @RequestBody OpenRequest request) {
        DraftingService.Opened opened = drafting.open(request.task(), Actor.current());
        return ResponseEntity.status(opened.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/drafts/" + opened.draft().getId()))
                .body(views.of(opened.draft()));
    }

    @GetMapping("/drafts/{draftId}")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    DraftViews.DraftView draft(@PathVariable long draftId) {
        return views.of(drafting.visibleDraft(draftId, Actor.current()));
    }

    @GetMapping("/candidates/{candidateId}/drafts")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    List<DraftViews.DraftView> drafts(@PathVariable long candidateId) {
        return drafting.draftsOf(candidateId, Actor.current()).stream().map(views::of).toList();
    }

    /** The request body is the file itself, streamed to storage; {@code name} is the name the candidate gave it. */
    @PutMapping(path = "/drafts/{draftId}/parts/{partCode}/file", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasRole('candidate')")
    ResponseEntity<DraftViews.FileView> upload(@PathVariable long draftId, @PathVariable String partCode,
            @RequestParam String name, InputStream body,
            @RequestHeader(name = IdempotencyKey.HEADER, required = false) String idempotencyKey) {
        EvidenceFile file = drafting.upload(draftId, partCode, name, body, Actor.current(), idempotencyKey);
        return ResponseEntity.status(HttpStatus.CREATED).body(DraftViews.FileView.of(file));
    }

    @PostMapping("/drafts/{draftId}/components/{component}/done")
    @PreAuthorize("hasRole('candidate')")
    DraftViews.ComponentView markDone(@PathVariable long draftId, @PathVariable DraftMilestone.Component component) {
        return DraftViews.ComponentView.of(workflow.markDone(draftId, component, Actor.current()));
    }

    @PostMapping("/drafts/{draftId}/components/{component}/review")
    @PreAuthorize("hasRole('mentor')")
    DraftViews.ComponentView review(@PathVariable long draftId, @PathVariable DraftMilestone.Component component,
            @Valid @RequestBody ReviewRequest request) {
        return DraftViews.ComponentView.of(workflow.review(draftId, component, request.approved(), request.comment(),
                Actor.current()));
    }

    @PutMapping("/drafts/{draftId}/details")
    @PreAuthorize("hasRole('candidate')")
    DraftViews.DraftView describe(@PathVariable long draftId, @Valid @RequestBody DraftingService.Details details) {
        return views.of(drafting.describe(draftId, details, Actor.current()));
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
        DraftWorkflow.Submitted submitted = workflow.submit(draftId, request != null && request.acknowledgeWarnings(),
                Actor.current());
        TaskSubmission submission = submitted.submission();
        SubmissionView view = new SubmissionView(submission.getId(), submission.getDraftId(),
                submission.getTaskNumber(), submission.getHandbookVersion(), submission.getSubmittedAt(),
                workflow.filesOf(submission).stream()
                        .map(file -> new SubmittedFile(file.getPartCode(), file.getEvidenceFileId(), file.getSha256()))
                        .toList());
        return ResponseEntity.status(submitted.justNow() ? HttpStatus.CREATED : HttpStatus.OK).body(view);
    }

    @GetMapping("/drafts/{draftId}/parts/{partCode}/files")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    List<DraftViews.FileView> versions(@PathVariable long draftId, @PathVariable String partCode) {
        return drafting.versions(draftId, partCode, Actor.current()).stream().map(DraftViews.FileView::of).toList();
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
        return attachment(drafting.download(draftId, fileId, Actor.current()));
    }

    /** A stored version as a download with its own name, for the API and the pages alike. */
    static ResponseEntity<InputStreamResource> attachment(DraftingService.Download download) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(download.file().getSizeBytes())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.file().getOriginalName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-SHA256", download.file().getSha256())
                .body(new InputStreamResource(download.content()));
    }
}
