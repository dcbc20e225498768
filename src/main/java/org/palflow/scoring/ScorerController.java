package org.palflow.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The scorer's desk: their assignments, the blinded submission, and the score sheet. */
@RestController
@RequestMapping("/api/scorer/assignments")
@PreAuthorize("hasRole('scorer')")
class ScorerController {

    private final ScorerWork work;

    ScorerController(ScorerWork work) {
        this.work = work;
    }

    /**
     * Open ones soonest due first, then scored ones latest first; {@code status} keeps one of the two, {@code limit}
     * lists at most that many scored ones (open ones are few: no more than the scorer's capacity).
     */
    @GetMapping
    List<ScorerWork.AssignmentSummary> assignments(@RequestParam(required = false) ScoringAssignment.Status status,
            @RequestParam(required = false) Integer limit) {
        if (limit != null && limit < 1) {
            throw ApiProblem.invalid("The limit is not valid.", List.of("limit must be 1 or more"));
        }
        return work.assignmentsOf(Actor.current(), Optional.ofNullable(status),
                limit == null ? Limit.unlimited() : Limit.of(limit));
    }

    @GetMapping("/{assignmentId}")
    ScorerWork.BlindedSubmission submission(@PathVariable long assignmentId) {
        return work.submission(assignmentId, Actor.current());
    }

    @GetMapping("/{assignmentId}/files/{fileId}/text")
    Map<String, String> text(@PathVariable long assignmentId, @PathVariable long fileId) {
        return Map.of("text", work.text(assignmentId, fileId, Actor.current()));
    }

    @PostMapping("/{assignmentId}/score")
    ScoringRules.TaskResult score(@PathVariable long assignmentId, @RequestBody ScorerWork.ScoreSheet sheet) {
        return work.record(assignmentId, sheet, Actor.current());
    }
}
