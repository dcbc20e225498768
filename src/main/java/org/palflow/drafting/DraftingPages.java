package org.palflow.drafting;

import jakarta.validation.Validator;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.palflow.platform.web.Refusal;
import org.palflow.registration.Candidates;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The task workspace: a draft laid out by its task's evidence chart, where the candidate uploads each part, reads
 * the readiness report, fills in the details, marks components done and submits; the mentor reads the same page
 * and approves or returns the component waiting for them. Every action calls the same service as the API.
 */
@PageController
class DraftingPages {

    private final DraftingService drafting;
    private final DraftWorkflow workflow;
    private final DraftViews views;
    private final ReadinessReports readiness;
    private final EvidenceTextRepository texts;
    private final Candidates candidates;
    private final TaskOverview overview;
    private final Validator validator;

    DraftingPages(DraftingService drafting, DraftWorkflow workflow, DraftViews views, ReadinessReports readiness,
            EvidenceTextRepository texts, Candidates candidates, TaskOverview overview,
            Validator validator) {
        this.validator = validator;
        this.candidates = candidates;
        this.overview = overview;
        this.drafting = drafting;
        this.workflow = workflow;
        this.views = views;
        this.readiness = readiness;
        this.texts = texts;
    }

    /** Opens the candidate's draft of the task (or finds the one open) and goes to its workspace. */
    @PostMapping("/candidate/tasks/{task}/draft")
    @PreAuthorize("hasRole('candidate')")
    String open(@PathVariable int task, RedirectAttributes redirect) {
        try {
            return "redirect:/drafts/" + drafting.open(task, Actor.current()).draft().getId();
        } catch (ApiProblem refused) {
            redirect.addFlashAttribute("refused", Refusal.of(refused));
            return "redirect:/candidate/tasks";
        }
    }

    @GetMapping("/drafts/{draftId}")
    String workspace(@PathVariable long draftId, Model model) {
        Actor actor = Actor.current();
        TaskDraft draft = drafting.visibleDraft(draftId, actor);
        List<EvidenceFile> files = drafting.filesOf(draft);
        DraftViews.DraftView view = views.of(draft, files);
        model.addAttribute("draft", view);
        model.addAttribute("details", draft);
        model.addAttribute("texts", textsOf(view.parts()));
        model.addAttribute("versions", versionsOf(files));
        model.addAttribute("writable", writable(view, actor));
        model.addAttribute("reviewing", actor.is(Role.MENTOR) && view.status() == TaskDraft.Status.DRAFTING);
        model.addAttribute("openComponent", workflow.nextComponent(draftId).orElse(null));
        model.addAttribute("report", readiness.report(draft));
        return "drafting/workspace";
    }

    @GetMapping("/drafts/{draftId}/files/{fileId}")
    ResponseEntity<InputStreamResource> file(@PathVariable long draftId, @PathVariable long fileId) {
        return DraftingController.attachment(drafting.download(draftId, fileId, Actor.current()));
    }

    @GetMapping("/candidate/tasks")
    @PreAuthorize("hasRole('candidate')")
    String tasks(Model model) {
        Actor actor = Actor.current();
        return candidates.latestOf(actor.email()).map(candidate -> {
            model.addAttribute("tasks", overview.of(candidate, actor));
            return "drafting/tasks";
        }).orElse("redirect:/candidate/register");
    }

    @GetMapping("/drafts/{draftId}/parts/{partCode}")
    String part(@PathVariable long draftId, @PathVariable String partCode, Model model) {
        return partFragment(drafting.visibleDraft(draftId, Actor.current()), partCode, model);
    }

    /** The file is the request body, streamed as the API streams it; the answer is the part, redrawn. */
    @PutMapping(path = "/drafts/{draftId}/parts/{partCode}/file", consumes = MediaType.ALL_VALUE)
    @PreAuthorize("hasRole('candidate')")
    ModelAndView upload(@PathVariable long draftId, @PathVariable String partCode, @RequestParam String name,
            InputStream body, Model model) {
        Actor actor = Actor.current();
        HttpStatus status = HttpStatus.CREATED;
        try {
            drafting.upload(draftId, partCode, name, body, actor, null);
        } catch (ApiProblem refused) {
            model.addAttribute("uploadRefused", refused.getBody().getDetail());
            status = HttpStatus.valueOf(refused.getStatusCode().value());
        }
        ModelAndView part = new ModelAndView(partFragment(drafting.visibleDraft(draftId, actor), partCode, model),
                model.asMap());
        part.setStatus(status);
        return part;
    }

    private String partFragment(TaskDraft draft, String partCode, Model model) {
        List<EvidenceFile> files = drafting.filesOf(draft);
        DraftViews.DraftView view = views.of(draft, files);
        DraftViews.PartView part = view.parts().stream().filter(p -> p.code().equals(partCode)).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("Task " + view.task() + " has no part " + partCode + "."));
        model.addAttribute("draft", view);
        model.addAttribute("part", part);
        model.addAttribute("texts", textsOf(List.of(part)));
        model.addAttribute("versions", versionsOf(files));
        model.addAttribute("writable", writable(view, Actor.current()));
        return "drafting/workspace :: part";
    }

    @GetMapping("/drafts/{draftId}/readiness")
    String readinessReport(@PathVariable long draftId, Model model) {
        TaskDraft draft = drafting.visibleDraft(draftId, Actor.current());
        model.addAttribute("draft", draft);
        model.addAttribute("report", readiness.report(draft));
        return "drafting/workspace :: readiness";
    }

    /** The details form as posted; the roster is one name per line. */
    record DetailsForm(String priorityArea, String collaborationPoints, String collaborationRationale,
            String collaborationRoles, String roster) {

        DraftingService.Details details() {
            List<String> names = roster == null ? List.of() : roster.lines().map(String::strip)
                    .filter(line -> !line.isEmpty()).toList();
            return new DraftingService.Details(priorityArea, collaborationPoints, collaborationRationale,
                    collaborationRoles, names);
        }
    }

    @PostMapping("/drafts/{draftId}/details")
    @PreAuthorize("hasRole('candidate')")
    String describe(@PathVariable long draftId, @ModelAttribute DetailsForm form,
            @RequestParam MultiValueMap<String, String> entered, RedirectAttributes redirect) {
        DraftingService.Details details = form.details();
        // The API checks the same limits with @Valid on the same record.
        Refusal invalid = Refusal.of(validator.validate(details), Map.of());
        if (!invalid.isEmpty()) {
            return PageActions.refuse(invalid, entered, "/drafts/" + draftId, redirect);
        }
        return PageActions.run(() -> drafting.describe(draftId, details, Actor.current()), entered,
                "The details are saved.", "/drafts/" + draftId, redirect);
    }

    @PostMapping("/drafts/{draftId}/components/{component}/done")
    @PreAuthorize("hasRole('candidate')")
    String markDone(@PathVariable long draftId, @PathVariable DraftMilestone.Component component,
            RedirectAttributes redirect) {
        return PageActions.run(() -> workflow.markDone(draftId, component, Actor.current()),
                component.label() + " is marked done; your mentor is asked to review it.", "/drafts/" + draftId,
                redirect);
    }

    @PostMapping("/drafts/{draftId}/components/{component}/review")
    @PreAuthorize("hasRole('mentor')")
    String review(@PathVariable long draftId, @PathVariable DraftMilestone.Component component,
            @RequestParam boolean approved, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        return PageActions.run(() -> workflow.review(draftId, component, approved, comment, Actor.current()),
                component.label() + (approved ? " is approved." : " is returned with your comment."),
                "/drafts/" + draftId, redirect);
    }

    @PostMapping("/drafts/{draftId}/submission")
    @PreAuthorize("hasRole('candidate')")
    String submit(@PathVariable long draftId, @RequestParam(defaultValue = "false") boolean acknowledgeWarnings,
            RedirectAttributes redirect) {
        return PageActions.run(() -> workflow.submit(draftId, acknowledgeWarnings, Actor.current()),
                "The task is submitted. It is placed in the next scoring window; this workspace is now read-only.",
                "/drafts/" + draftId, redirect);
    }

    /** Only the candidate changes their draft, and only until it is submitted (the service enforces it too). */
    private static boolean writable(DraftViews.DraftView view, Actor actor) {
        return actor.is(Role.CANDIDATE) && view.status() == TaskDraft.Status.DRAFTING;
    }

    /** Every stored version of each part's file, newest first. */
    private static Map<String, List<DraftViews.FileView>> versionsOf(List<EvidenceFile> files) {
        return files.stream().sorted(Comparator.comparing(EvidenceFile::getFileVersion).reversed())
                .map(DraftViews.FileView::of).collect(Collectors.groupingBy(DraftViews.FileView::part));
    }

    /** What was read from each part's current file, by the file's hash (texts are kept by content). */
    private Map<String, EvidenceText> textsOf(List<DraftViews.PartView> parts) {
        return texts.byHash(parts.stream().map(DraftViews.PartView::current).filter(Objects::nonNull)
                .map(DraftViews.FileView::sha256).toList());
    }
}
