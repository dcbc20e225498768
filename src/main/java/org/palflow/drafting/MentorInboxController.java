package org.palflow.drafting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palflow.mentoring.MentoringQueries;
import org.palflow.mentoring.MentoringView;
import org.palflow.platform.security.Actor;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One place for everything waiting on a mentor, across all their mentees. */
@RestController
class MentorInboxController {

    private final MentoringQueries mentoring;
    private final TaskDraftRepository drafts;
    private final DraftMilestoneRepository milestones;
    private final Candidates candidates;

    MentorInboxController(MentoringQueries mentoring, TaskDraftRepository drafts, DraftMilestoneRepository milestones,
            Candidates candidates) {
        this.mentoring = mentoring;
        this.drafts = drafts;
        this.milestones = milestones;
        this.candidates = candidates;
    }

    record ReviewWaiting(long draftId, long candidateId, String candidateName, int task,
            DraftMilestone.Component component, Instant markedDoneAt) {
    }

    record Inbox(List<MentoringView.ProposalView> proposals, List<ReviewWaiting> reviews) {
    }

    @GetMapping("/api/mentor/inbox")
    @PreAuthorize("hasRole('mentor')")
    @Transactional(readOnly = true)
    Inbox inbox() {
        Actor actor = Actor.current();
        List<Long> menteeIds = mentoring.menteesOf(actor);
        Map<Long, TaskDraft> openDrafts = drafts.findByCandidateIdInAndStatus(menteeIds, TaskDraft.Status.DRAFTING)
                .stream().collect(Collectors.toMap(TaskDraft::getId, Function.identity()));
        Map<Long, Candidate> mentees = candidates.byId(menteeIds);
        List<ReviewWaiting> reviews = milestones.findByDraftIdInAndStatus(openDrafts.keySet(),
                        DraftMilestone.Status.MARKED_DONE).stream()
                .map(milestone -> {
                    TaskDraft draft = openDrafts.get(milestone.getDraftId());
                    return new ReviewWaiting(draft.getId(), draft.getCandidateId(),
                            mentees.get(draft.getCandidateId()).fullName(), draft.getTaskNumber(),
                            milestone.getComponent(), milestone.getMarkedDoneAt());
                })
                .toList();
        return new Inbox(mentoring.pendingProposalsFor(actor), reviews);
    }
}
