package org.palflow.mentoring;

import java.time.Instant;
import java.util.List;

/** Where a candidate's mentoring stands: the assignment, every proposal made, and the mentorship. */
public record MentoringView(long candidateId, MentorAssignment.Status status, String returnedReason,
        List<ProposalView> proposals, MentorView mentor, List<MilestoneView> milestones) {

    public record MentorView(long id, String fullName, String email, String school, String district) {
        static MentorView of(Mentor mentor) {
            return new MentorView(mentor.getId(), mentor.getFullName(), mentor.getEmail(), mentor.getSchool(),
                    mentor.getDistrict());
        }
    }

    public record ProposalView(long id, long candidateId, MentorView mentor, MentorProposal.Status status,
            String proposedBy, Instant proposedAt, Instant respondBy, String declineReason, Instant respondedAt) {
    }

    public record MilestoneView(String code, String title, MentorshipMilestone.Status status, Instant openedAt) {
    }

    /** The proposal still waiting for an answer, if any. */
    public ProposalView pendingProposal() {
        return proposals.stream().filter(p -> p.status() == MentorProposal.Status.PENDING).findFirst().orElse(null);
    }
}
