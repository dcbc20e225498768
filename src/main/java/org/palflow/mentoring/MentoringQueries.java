package org.palflow.mentoring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.platform.web.ApiProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What coordinators, mentors and candidates read about mentoring, each only what they may see. */
@Service
@Transactional(readOnly = true)
public class MentoringQueries {

    private final MentorAssignmentRepository assignments;
    private final MentorProposalRepository proposals;
    private final MentorRepository mentors;
    private final MentorshipRepository mentorships;
    private final MilestoneRepository milestones;
    private final MilestoneTypeRepository milestoneTypes;

    MentoringQueries(MentorAssignmentRepository assignments, MentorProposalRepository proposals,
            MentorRepository mentors, MentorshipRepository mentorships, MilestoneRepository milestones,
            MilestoneTypeRepository milestoneTypes) {
        this.assignments = assignments;
        this.proposals = proposals;
        this.mentors = mentors;
        this.mentorships = mentorships;
        this.milestones = milestones;
        this.milestoneTypes = milestoneTypes;
    }

    /** The mentoring of a candidate, or empty while mentor assignment has not begun. */
    public Optional<MentoringView> view(long candidateId) {
        return assignments.findByCandidateId(candidateId).map(assignment -> {
            List<MentoringView.ProposalView> proposalViews = proposals.findByAssignmentIdOrderByIdAsc(assignment.getId())
                    .stream().map(proposal -> proposalView(proposal, candidateId)).toList();
            Optional<Mentorship> mentorship = mentorships.findByCandidateId(candidateId);
            Map<String, MilestoneType> types = milestoneTypes.findAll().stream()
                    .collect(Collectors.toMap(MilestoneType::getCode, Function.identity()));
            return new MentoringView(candidateId, assignment.getStatus(), assignment.getReturnedReason(), proposalViews,
                    mentorship.map(m -> MentoringView.MentorView.of(mentors.findById(m.getMentorId()).orElseThrow()))
                            .orElse(null),
                    mentorship.map(m -> milestones.findByMentorshipIdOrderByIdAsc(m.getId()).stream()
                            .map(milestone -> new MentoringView.MilestoneView(milestone.getTypeCode(),
                                    types.get(milestone.getTypeCode()).getTitle(), milestone.getStatus(),
                                    milestone.getOpenedAt()))
                            .toList()).orElse(List.of()));
        });
    }

    /** A mentor sees only their own mentees; coordinators and admins see all; candidates are checked upstream. */
    public boolean isMentorOf(long candidateId, Actor actor) {
        return actor.is(Role.MENTOR) && mentorships.findByCandidateId(candidateId)
                .flatMap(m -> mentors.findById(m.getMentorId()))
                .map(mentor -> mentor.getEmail().equals(actor.email()))
                .orElse(false);
    }

    public List<MentoringView> awaiting(MentorAssignment.Status status) {
        return assignments.findByStatusOrderByUpdatedAtAsc(status).stream()
                .map(assignment -> view(assignment.getCandidateId()).orElseThrow())
                .toList();
    }

    public List<MentoringView.MentorView> mentorsAt(String district, String school) {
        return mentors.findByDistrictIgnoreCaseAndSchoolIgnoreCaseOrderByFullName(district, school).stream()
                .map(MentoringView.MentorView::of).toList();
    }

    public List<MentoringView.ProposalView> pendingProposalsFor(Actor actor) {
        return mentorOf(actor).map(mentor -> proposals
                .findByMentorIdAndStatusOrderByRespondByAsc(mentor.getId(), MentorProposal.Status.PENDING).stream()
                .map(proposal -> proposalView(proposal,
                        assignments.findById(proposal.getAssignmentId()).orElseThrow().getCandidateId()))
                .toList()).orElse(List.of());
    }

    public List<Long> menteesOf(Actor actor) {
        return mentorOf(actor).map(mentor -> mentorships.findByMentorIdOrderByStartedAtDesc(mentor.getId()).stream()
                .map(Mentorship::getCandidateId).toList()).orElse(List.of());
    }

    public MentoringView.ProposalView proposal(MentorProposal proposal, long candidateId) {
        return proposalView(proposal, candidateId);
    }

    private Optional<Mentor> mentorOf(Actor actor) {
        return mentors.findByEmail(actor.email());
    }

    private MentoringView.ProposalView proposalView(MentorProposal proposal, long candidateId) {
        Mentor mentor = mentors.findById(proposal.getMentorId()).orElseThrow(() ->
                ApiProblem.notFound("No mentor " + proposal.getMentorId()));
        return new MentoringView.ProposalView(proposal.getId(), candidateId, MentoringView.MentorView.of(mentor),
                proposal.getStatus(), proposal.getProposedBy(), proposal.getProposedAt(), proposal.getRespondBy(),
                proposal.getDeclineReason(), proposal.getRespondedAt());
    }
}
