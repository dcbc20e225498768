package org.palflow.mentoring;

import org.palflow.program.Programs;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.palflow.platform.mail.Notifier;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Mentor assignment: the coordinator proposes a school leader from the candidate's school, the leader accepts
 * or declines, and a decline or silence returns the case to the coordinator. Every step may be repeated safely.
 */
@Service
public class MentoringService {

    /**
     * The size of {@code mentor_proposal.decline_reason}; {@code mentor_assignment.returned_reason} holds it after the
     * mentor's name.
     */
    static final int MAX_DECLINE_REASON = 1000;

    private final MentorAssignmentRepository assignments;
    private final MentorProposalRepository proposals;
    private final MentorRepository mentors;
    private final MentorshipRepository mentorships;
    private final MilestoneRepository milestones;
    private final MilestoneTypeRepository milestoneTypes;
    private final Candidates candidates;
    private final Programs programs;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration responsePeriod;

    MentoringService(MentorAssignmentRepository assignments, MentorProposalRepository proposals,
            MentorRepository mentors, MentorshipRepository mentorships, MilestoneRepository milestones,
            MilestoneTypeRepository milestoneTypes, Candidates candidates, Programs programs,
            Notifier notifier, ApplicationEventPublisher events, Clock clock,
            MentoringProperties properties) {
        this.events = events;
        this.assignments = assignments;
        this.proposals = proposals;
        this.mentors = mentors;
        this.mentorships = mentorships;
        this.milestones = milestones;
        this.milestoneTypes = milestoneTypes;
        this.candidates = candidates;
        this.programs = programs;
        this.notifier = notifier;
        this.clock = clock;
        this.responsePeriod = properties.responsePeriod();
    }

    @Transactional
    public void open(long candidateId) {
        if (assignments.findByCandidateId(candidateId).isPresent()) {
            return;
        }
        assignments.save(new MentorAssignment(candidateId, Instant.now(clock)));
        Candidate candidate = candidate(candidateId);
        notifyCoordinator("mentor-needed:" + candidateId, candidate, "A candidate needs a mentor",
                candidate.fullName() + " (" + candidate.school() + ", " + candidate.district()
                        + ") is registered and waits for you to propose a mentor.");
    }

    /** The coordinator proposes a mentor; proposing the same mentor again while they decide changes nothing. */
    @Transactional
    public MentorProposal propose(long candidateId, long mentorId, Actor actor) {
        MentorAssignment assignment = assignments.findByCandidateId(candidateId).orElseThrow(() ->
                ApiProblem.notFound("Candidate " + candidateId + " has no mentor assignment open."));
        if (assignment.getStatus() == MentorAssignment.Status.AWAITING_RESPONSE) {
            MentorProposal pending = currentProposal(assignment);
            if (pending.getMentorId() == mentorId) {
                return pending;
            }
            throw ApiProblem.conflict("Candidate " + candidateId + " waits for the answer of the mentor proposed on "
                    + pending.getProposedAt() + "; propose another once it is declined or overdue.");
        }
        if (assignment.getStatus() == MentorAssignment.Status.ASSIGNED) {
            throw ApiProblem.conflict("Candidate " + candidateId + " already has a mentor.");
        }
        Mentor mentor = mentors.findById(mentorId)
                .orElseThrow(() -> ApiProblem.notFound("There is no mentor " + mentorId + "."));
        Candidate candidate = candidate(candidateId);
        if (!mentor.leads(candidate.district(), candidate.school())) {
            throw ApiProblem.invalid(mentor.getFullName() + " is a school leader at " + mentor.getSchool() + " ("
                    + mentor.getDistrict() + "), not at the candidate's school " + candidate.school() + " ("
                    + candidate.district() + ").", List.of(Map.of("field", "mentorId",
                    "message", "must lead the candidate's school")));
        }
        Instant now = Instant.now(clock);
        MentorProposal proposal = proposals.save(new MentorProposal(assignment.getId(), mentorId, actor.username(), now,
                now.plus(responsePeriod)));
        assignment.awaitResponse(now);
        events.publishEvent(new MentorProposed(candidateId, proposal.getId(), proposal.getRespondBy()));
        return proposal;
    }

    /** The mentor's answer. The same answer twice is fine; changing it, or answering late, is refused. */
    @Transactional
    public MentorProposal respond(long proposalId, boolean accept, String declineReason, Actor actor) {
        // Locked: the same answer sent twice at once (a double click) is recorded once; the second finds it.
        MentorProposal proposal = proposals.lockById(proposalId)
                .filter(p -> mentors.findById(p.getMentorId()).map(Mentor::getEmail).orElse("").equals(actor.email()))
                .orElseThrow(() -> ApiProblem.notFound("No mentor proposal " + proposalId + " addressed to you."));
        MentorProposal.Status answer = accept ? MentorProposal.Status.ACCEPTED : MentorProposal.Status.DECLINED;
        if (!accept && (declineReason == null || declineReason.isBlank())) {
            throw ApiProblem.invalid("Say why you decline, so the coordinator can propose someone better placed.",
                    List.of(Map.of("field", "reason", "message", "must not be blank when declining")));
        }
        ApiProblem.requireAtMost(MAX_DECLINE_REASON, "reason", declineReason);
        switch (proposal.getStatus()) {
            case PENDING -> {
                Instant now = Instant.now(clock);
                if (now.isAfter(proposal.getRespondBy())) {
                    throw ApiProblem.conflict("The time to answer ended at " + proposal.getRespondBy()
                            + "; the coordinator has the case again.");
                }
                if (accept) {
                    proposal.accept(now);
                } else {
                    proposal.decline(declineReason.trim(), now);
                }
                events.publishEvent(new MentorResponded(candidateOf(proposal), proposalId, accept));
            }
            case EXPIRED -> throw ApiProblem.conflict("The time to answer ended at " + proposal.getRespondBy()
                    + "; the coordinator has the case again.");
            default -> {
                if (proposal.getStatus() != answer) {
                    throw ApiProblem.conflict("You already " + proposal.getStatus().name().toLowerCase()
                            + " this proposal.");
                }
            }
        }
        return proposal;
    }

    @Transactional
    public void notifyProposedMentor(long proposalId) {
        MentorProposal proposal = proposal(proposalId);
        Mentor mentor = mentors.findById(proposal.getMentorId()).orElseThrow();
        Candidate candidate = candidate(candidateOf(proposal));
        notifier.send("mentor-proposed:" + proposalId, mentor.getEmail(), "Will you mentor a PAL candidate?",
                "Dear " + mentor.getFullName() + ",\n\nYou are asked to mentor " + candidate.fullName()
                        + ", a PAL candidate at " + candidate.school() + ". Please accept or decline in PAL Flow by "
                        + proposal.getRespondBy() + " (proposal " + proposalId + ").\n");
    }

    @Transactional
    public void expire(long proposalId) {
        MentorProposal proposal = proposal(proposalId);
        proposal.expire();
        events.publishEvent(new MentorProposalExpired(candidateOf(proposal), proposalId));
    }

    /** Hands the case back to the coordinator after a decline or no answer, with the reason. */
    @Transactional
    public void returnToCoordinator(long proposalId) {
        MentorProposal proposal = proposal(proposalId);
        MentorAssignment assignment = assignments.findById(proposal.getAssignmentId()).orElseThrow();
        Mentor mentor = mentors.findById(proposal.getMentorId()).orElseThrow();
        String reason = switch (proposal.getStatus()) {
            case DECLINED -> mentor.getFullName() + " declined: " + proposal.getDeclineReason();
            case EXPIRED -> mentor.getFullName() + " did not answer by " + proposal.getRespondBy() + ".";
            default -> throw new IllegalStateException("Proposal " + proposalId + " is " + proposal.getStatus()
                    + ", not declined or expired");
        };
        if (assignment.getStatus() == MentorAssignment.Status.AWAITING_RESPONSE
                && currentProposal(assignment).getId().equals(proposalId)) {
            assignment.returnToCoordinator(reason, Instant.now(clock));
        }
        Candidate candidate = candidate(assignment.getCandidateId());
        notifyCoordinator("mentor-returned:" + proposalId, candidate, "Propose another mentor for "
                + candidate.fullName(), reason + "\nPlease propose another mentor from " + candidate.school()
                + ".");
    }

    /** Records the accepted mentorship and opens its first milestones (taken from milestone_type). */
    @Transactional
    public void recordMentorship(long proposalId) {
        MentorProposal proposal = proposal(proposalId);
        if (proposal.getStatus() != MentorProposal.Status.ACCEPTED) {
            throw new IllegalStateException("Proposal " + proposalId + " is " + proposal.getStatus());
        }
        MentorAssignment assignment = assignments.findById(proposal.getAssignmentId()).orElseThrow();
        if (mentorships.findByCandidateId(assignment.getCandidateId()).isPresent()) {
            return;
        }
        Instant now = Instant.now(clock);
        Mentorship mentorship = mentorships.save(new Mentorship(assignment.getCandidateId(), proposal.getMentorId(),
                proposalId, now));
        milestoneTypes.findByOpensWithMentorshipTrueOrderBySequence().forEach(type ->
                milestones.save(new MentorshipMilestone(mentorship.getId(), type.getCode(), now)));
        assignment.assigned(now);
    }

    @Transactional
    public void notifyMentorshipStarted(long candidateId) {
        Mentorship mentorship = mentorships.findByCandidateId(candidateId).orElseThrow();
        Mentor mentor = mentors.findById(mentorship.getMentorId()).orElseThrow();
        Candidate candidate = candidate(candidateId);
        String firstSteps = "First milestones: a collaborative mentorship plan and an initial meeting.";
        notifier.send("mentorship-started:candidate:" + candidateId, candidate.email(), "Your PAL mentor",
                mentor.getFullName() + " (" + mentor.getEmail() + ") is your mentor. " + firstSteps + "\n");
        notifier.send("mentorship-started:mentor:" + candidateId, mentor.getEmail(), "Your new PAL mentee",
                "You now mentor " + candidate.fullName() + " (" + candidate.email() + "). " + firstSteps + "\n");
    }

    MentorProposal currentProposal(MentorAssignment assignment) {
        return proposals.findFirstByAssignmentIdOrderByIdDesc(assignment.getId()).orElseThrow();
    }

    public long candidateOf(MentorProposal proposal) {
        return assignments.findById(proposal.getAssignmentId()).orElseThrow().getCandidateId();
    }

    private MentorProposal proposal(long proposalId) {
        return proposals.findById(proposalId)
                .orElseThrow(() -> new IllegalStateException("No mentor proposal " + proposalId));
    }

    private Candidate candidate(long candidateId) {
        return candidates.get(candidateId);
    }

    private void notifyCoordinator(String dedupeKey, Candidate candidate, String subject, String body) {
        programs.program(candidate.programCode()).ifPresent(program ->
                notifier.send(dedupeKey, program.coordinatorEmail(), subject, body + "\n"));
    }
}
