package org.palflow.scoring;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.palflow.platform.web.Refusal;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The scorer's desk in the browser: assignments with their due dates, the blinded evidence part by part, and the
 * rubric form, checked and shown for confirmation before the score is recorded (it cannot be changed afterwards).
 * Nothing here names the candidate: the evidence comes blinded, and no page reads the registration.
 */
@PageController
@PreAuthorize("hasRole('scorer')")
class ScorerPages {

    /** Enough to find what was just scored; the API lists them all. */
    private static final Limit SCORED_SHOWN = Limit.of(20);

    private final ScorerWork work;

    ScorerPages(ScorerWork work) {
        this.work = work;
    }

    @GetMapping("/scorer")
    String assignments(Model model) {
        Map<Boolean, List<ScorerWork.AssignmentSummary>> byOpen = work.assignmentsOf(Actor.current(),
                Optional.empty(), SCORED_SHOWN).stream().collect(Collectors.partitioningBy(
                        assignment -> ScoringAssignment.Status.OPEN.name().equals(assignment.status())));
        model.addAttribute("open", byOpen.get(true));
        model.addAttribute("scored", byOpen.get(false));
        model.addAttribute("scoredShown", SCORED_SHOWN.max());
        return "scoring/scorer-assignments";
    }

    @GetMapping("/scorer/assignments/{assignmentId}")
    String assignment(@PathVariable long assignmentId, Model model) {
        return sheetForm(assignmentId, new LinkedHashMap<>(), Refusal.none(), model);
    }

    /** The band a typed score falls in, drawn beside the field as the scorer types. */
    @GetMapping("/scorer/assignments/{assignmentId}/band")
    @ResponseBody
    String band(@PathVariable long assignmentId, @RequestParam Map<String, String> typed) {
        // The one field that asked: score-CODE, as htmx sends the input that changed.
        String score = typed.entrySet().stream().filter(field -> field.getKey().startsWith("score-"))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        try {
            return work.bandOf(assignmentId, new BigDecimal(score.strip()), Actor.current())
                    .map(band -> "Band: " + band.name()).orElse("Not a score on this rubric");
        } catch (NumberFormatException | NullPointerException notANumber) {
            return "";
        }
    }

    @PostMapping("/scorer/assignments/{assignmentId}/review")
    String review(@PathVariable long assignmentId, @RequestParam MultiValueMap<String, String> form, Model model) {
        Map<String, String> typed = form.toSingleValueMap();
        try {
            ScoringRules.TaskResult result = work.preview(assignmentId, sheet(assignmentId, typed), Actor.current());
            model.addAttribute("submission", work.submission(assignmentId, Actor.current()));
            model.addAttribute("typed", typed);
            model.addAttribute("result", result);
            return "scoring/scorer-confirm";
        } catch (ApiProblem refused) {
            return sheetForm(assignmentId, typed, Refusal.of(refused), model);
        }
    }

    /** Back from the confirmation to the form, with the scores as typed. */
    @PostMapping("/scorer/assignments/{assignmentId}/edit")
    String edit(@PathVariable long assignmentId, @RequestParam MultiValueMap<String, String> form, Model model) {
        return sheetForm(assignmentId, form.toSingleValueMap(), Refusal.none(), model);
    }

    @PostMapping("/scorer/assignments/{assignmentId}/score")
    String record(@PathVariable long assignmentId, @RequestParam MultiValueMap<String, String> form,
            RedirectAttributes redirect) {
        return PageActions.run(() -> work.record(assignmentId, sheet(assignmentId, form.toSingleValueMap()),
                        Actor.current()),
                "The score is recorded.", "/scorer", redirect);
    }

    private String sheetForm(long assignmentId, Map<String, String> typed, Refusal refusal, Model model) {
        ScorerWork.BlindedSubmission submission = work.submission(assignmentId, Actor.current());
        Map<Long, String> texts = new LinkedHashMap<>();
        submission.files().forEach(file -> texts.put(file.fileId(), work.text(assignmentId, file.fileId(),
                Actor.current())));
        model.addAttribute("submission", submission);
        model.addAttribute("texts", texts);
        model.addAttribute("typed", typed);
        model.addAttribute("refusal", refusal);
        return "scoring/scorer-assignment";
    }

    /** The form's fields: score-CODE or code-CODE per indicator, or one conditionCode for the whole task. */
    private ScorerWork.ScoreSheet sheet(long assignmentId, Map<String, String> typed) {
        String taskCode = blankToNull(typed.get("conditionCode"));
        Map<String, ScoringRules.Mark> marks = new LinkedHashMap<>();
        for (Rubric.Indicator indicator : work.indicatorsOf(assignmentId, Actor.current())) {
            String score = blankToNull(typed.get("score-" + indicator.code()));
            String code = blankToNull(typed.get("code-" + indicator.code()));
            marks.put(indicator.code(), new ScoringRules.Mark(score == null ? null : number(indicator, score), code));
        }
        return new ScorerWork.ScoreSheet(taskCode, taskCode == null ? marks : Map.of());
    }

    private static BigDecimal number(Rubric.Indicator indicator, String score) {
        try {
            return new BigDecimal(score);
        } catch (NumberFormatException notANumber) {
            throw ApiProblem.invalid("The score sheet has a score that is not a number.",
                    java.util.List.of(indicator.code() + ": \"" + score + "\" is not a number such as 2.75"));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
