package org.palflow.progress;

import java.util.List;
import org.palflow.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class CaseProgressController {

    private final CaseProgressService progress;

    CaseProgressController(CaseProgressService progress) {
        this.progress = progress;
    }

    @GetMapping("/candidates/{candidateId}/progress")
    @PreAuthorize("hasAnyRole('candidate', 'mentor', 'coordinator', 'admin')")
    CaseProgress progress(@PathVariable long candidateId) {
        return progress.progress(candidateId, Actor.current());
    }

    @GetMapping("/mentor/mentees")
    @PreAuthorize("hasRole('mentor')")
    List<CaseProgress> mentees() {
        return progress.mentees(Actor.current());
    }
}
