package org.palflow.mentoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.palflow.platform.security.Actor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class MentoringController {

    private final MentoringService mentoring;
    private final MentoringQueries queries;

    MentoringController(MentoringService mentoring, MentoringQueries queries) {
        this.mentoring = mentoring;
        this.queries = queries;
    }

    /** The coordinator's work list: candidates waiting for a (new) mentor proposal, with why they came back. */
    @GetMapping("/mentor-assignments")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    List<MentoringView> assignments(
            @RequestParam(defaultValue = "AWAITING_PROPOSAL") MentorAssignment.Status status) {
        return queries.awaiting(status);
    }

    @GetMapping("/mentors")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    List<MentoringView.MentorView> mentors(@RequestParam String district, @RequestParam String school) {
        return queries.mentorsAt(district, school);
    }

    record ProposalRequest(@NotNull Long mentorId) {
    }

    @PostMapping("/candidates/{candidateId}/mentor-proposals")
    @PreAuthorize("hasRole('coordinator')")
    MentoringView.ProposalView propose(@PathVariable long candidateId, @Valid @RequestBody ProposalRequest request) {
        MentorProposal proposal = mentoring.propose(candidateId, request.mentorId(), Actor.current());
        return queries.proposal(proposal, candidateId);
    }

    /** The mentor's inbox of proposals waiting for their answer. */
    @GetMapping("/mentor/proposals")
    @PreAuthorize("hasRole('mentor')")
    List<MentoringView.ProposalView> myProposals() {
        return queries.pendingProposalsFor(Actor.current());
    }

    @PostMapping("/mentor-proposals/{proposalId}/acceptance")
    @PreAuthorize("hasRole('mentor')")
    MentoringView.ProposalView accept(@PathVariable long proposalId) {
        return answered(mentoring.respond(proposalId, true, null, Actor.current()));
    }

    record DeclineRequest(String reason) {
    }

    @PostMapping("/mentor-proposals/{proposalId}/decline")
    @PreAuthorize("hasRole('mentor')")
    MentoringView.ProposalView decline(@PathVariable long proposalId, @RequestBody DeclineRequest request) {
        return answered(mentoring.respond(proposalId, false, request.reason(), Actor.current()));
    }

    private MentoringView.ProposalView answered(MentorProposal proposal) {
        return queries.proposal(proposal, mentoring.candidateOf(proposal));
    }
}
