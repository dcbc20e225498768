package org.palflow.scoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.palflow.platform.security.Actor;
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

    /** Open ones soonest due first, then scored ones latest first; {@code status} keeps one of the two. */
    @GetMapping
    List<ScorerWork.AssignmentSummary> assignments(@RequestParam(required = false) ScoringAssignment.Status status) {
        return work.assignmentsOf(Actor.current(), Optional.ofNullable(status), Limit.unlimited());
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
