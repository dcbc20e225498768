package org.palflow.licensure;

import java.util.List;
import org.palflow.platform.process.Incidents;
import org.palflow.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The latest decision for candidate and coordinator; hand-offs and their retry for admins. */
@RestController
class LicensureController {

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
    List<ElarHandoffs.HandoffView> handoffs() {
        return handoffs.all();
    }

    @PostMapping("/api/admin/handoffs/{decisionId}/retry")
    @PreAuthorize("hasRole('admin')")
    ElarHandoffs.HandoffView retry(@PathVariable long decisionId) {
        return handoffs.view(handoffs.retry(decisionId, Incidents.RETRIES));
    }
}
