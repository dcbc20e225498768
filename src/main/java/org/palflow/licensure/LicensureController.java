package org.palflow.licensure;

import java.util.List;
import org.palflow.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The latest decision for candidate and coordinator; hand-offs and their retry for admins. */
@RestController
class LicensureController {

    record HandoffView(long decisionId, long candidateId, String status, int attempts, String lastError,
            boolean incident) {
    }

    private final LicensureService licensure;
    private final ElarHandoffs handoffs;

    LicensureController(LicensureService licensure, ElarHandoffs handoffs) {
        this.licensure = licensure;
        this.handoffs = handoffs;
    }

    @GetMapping("/api/candidates/{candidateId}/licensure-decision")
    @PreAuthorize("hasAnyRole('candidate', 'coordinator', 'admin')")
    LicensureService.DecisionView decision(@PathVariable long candidateId) {
        return licensure.latest(candidateId, Actor.current());
    }

    @GetMapping("/api/admin/handoffs")
    @PreAuthorize("hasRole('admin')")
    List<HandoffView> handoffs() {
        return handoffs.all().stream().map(this::view).toList();
    }

    @PostMapping("/api/admin/handoffs/{decisionId}/retry")
    @PreAuthorize("hasRole('admin')")
    HandoffView retry(@PathVariable long decisionId) {
        return view(handoffs.retry(decisionId, 3));
    }

    private HandoffView view(ElarHandoff handoff) {
        return new HandoffView(handoff.getDecisionId(), handoff.getCandidateId(), handoff.getStatus().name(),
                handoff.getAttempts(), handoff.getLastError(), handoffs.hasIncident(handoff));
    }
}
