package org.palflow.drafting;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palflow.mentoring.MentoringQueries;
import org.palflow.mentoring.MentoringView;
import org.palflow.platform.security.Actor;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Everything waiting on a mentor, across all their mentees, and each mentee's drafts at a glance. */
@Service
class MentorInbox {

    private final MentoringQueries mentoring;
    private final TaskDraftRepository drafts;
    private final DraftMilestoneRepository milestones;
    private final Candidates candidates;

    MentorInbox(MentoringQueries mentoring, TaskDraftRepository drafts, DraftMilestoneRepository milestones,
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

    /** A mentee and their drafts, newest attempt of each task last. */
    record Mentee(Candidate candidate, List<MenteeDraft> drafts) {
    }

    record MenteeDraft(long id, int task, TaskDraft.Status status, List<DraftViews.ComponentView> components) {
    }

    @Transactional(readOnly = true)
    Inbox of(Actor actor) {
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
                .sorted(Comparator.comparing(ReviewWaiting::markedDoneAt))
                .toList();
        return new Inbox(mentoring.pendingProposalsFor(actor), reviews);
    }

    /** The candidates the proposals are about, by id: the mentor decides knowing whom they would mentor. */
    Map<Long, Candidate> proposedCandidates(Inbox inbox) {
        return candidates.byId(inbox.proposals().stream().map(MentoringView.ProposalView::candidateId).toList());
    }

    @Transactional(readOnly = true)
    List<Mentee> menteesOf(Actor actor) {
        List<Long> menteeIds = mentoring.menteesOf(actor);
        Map<Long, List<TaskDraft>> draftsByMentee = drafts.findByCandidateIdInOrderByTaskNumberAscIdAsc(menteeIds)
                .stream().collect(Collectors.groupingBy(TaskDraft::getCandidateId));
        Map<Long, List<DraftMilestone>> milestonesByDraft = milestones.findByDraftIdInOrderBySequence(
                        draftsByMentee.values().stream().flatMap(List::stream).map(TaskDraft::getId).toList())
                .stream().collect(Collectors.groupingBy(DraftMilestone::getDraftId));
        return candidates.byId(menteeIds).values().stream()
                .sorted(Comparator.comparing(Candidate::fullName))
                .map(candidate -> new Mentee(candidate, draftsByMentee.getOrDefault(candidate.id(), List.of()).stream()
                        .map(draft -> new MenteeDraft(draft.getId(), draft.getTaskNumber(), draft.getStatus(),
                                milestonesByDraft.getOrDefault(draft.getId(), List.of()).stream()
                                        .map(DraftViews.ComponentView::of).toList()))
                        .toList()))
                .toList();
    }
}
