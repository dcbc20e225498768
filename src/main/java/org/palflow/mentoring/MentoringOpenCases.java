package org.palflow.mentoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.palflow.platform.process.OpenCases;
import org.palflow.platform.process.ResumePoint;
import org.palflow.registration.Candidates;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Each unfinished mentor assignment resumes at the step its latest proposal implies. */
@Component
class MentoringOpenCases implements OpenCases {

    static final String PROCESS_ID = "mentor-assignment";

    private final MentorAssignmentRepository assignments;
    private final MentorProposalRepository proposals;
    private final Candidates candidates;

    MentoringOpenCases(MentorAssignmentRepository assignments, MentorProposalRepository proposals,
            Candidates candidates) {
        this.assignments = assignments;
        this.proposals = proposals;
        this.candidates = candidates;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResumePoint> resumePoints() {
        List<ResumePoint> points = new ArrayList<>();
        for (MentorAssignment assignment : assignments.findByStatusNot(MentorAssignment.Status.ASSIGNED)) {
            long candidateId = assignment.getCandidateId();
            if (assignment.getStatus() == MentorAssignment.Status.AWAITING_PROPOSAL) {
                points.add(new ResumePoint(PROCESS_ID, "await-mentor-proposal", Map.of("candidateId", candidateId)));
                continue;
            }
            MentorProposal proposal = proposals.findFirstByAssignmentIdOrderByIdDesc(assignment.getId()).orElseThrow();
            Map<String, Object> variables = Map.of("candidateId", candidateId, "proposalId", proposal.getId(),
                    "respondBy", proposal.getRespondBy().toString(),
                    "accepted", proposal.getStatus() == MentorProposal.Status.ACCEPTED);
            String step = switch (proposal.getStatus()) {
                case PENDING -> "notify-proposed-mentor";
                case ACCEPTED -> "record-mentorship";
                case DECLINED, EXPIRED -> "return-to-coordinator";
            };
            points.add(new ResumePoint(PROCESS_ID, step, variables));
        }
        // Active candidates whose assignment never opened: the registration process ended before it could.
        java.util.Set<Long> opened = new java.util.HashSet<>(assignments.candidatesWithAssignment());
        candidates.activeIds().stream().filter(candidateId -> !opened.contains(candidateId))
                .forEach(candidateId -> points.add(new ResumePoint(PROCESS_ID, "open-mentor-assignment",
                        Map.of("candidateId", candidateId))));
        return points;
    }
}
