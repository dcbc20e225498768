package org.palflow.mentoring;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import org.springframework.stereotype.Component;

/** The job workers of processes/mentor-assignment.bpmn; each maps variables and calls the service. */
@Component
public class MentoringWorkers {

    private final MentoringService mentoring;

    MentoringWorkers(MentoringService mentoring) {
        this.mentoring = mentoring;
    }

    @JobWorker(type = "open-mentor-assignment")
    public void openMentorAssignment(@VariablesAsType MentorAssignmentVariables process) {
        mentoring.open(process.candidateId());
    }

    @JobWorker(type = "notify-proposed-mentor")
    public void notifyProposedMentor(@VariablesAsType MentorAssignmentVariables process) {
        mentoring.notifyProposedMentor(process.proposalId());
    }

    @JobWorker(type = "expire-mentor-proposal")
    public void expireMentorProposal(@VariablesAsType MentorAssignmentVariables process) {
        mentoring.expire(process.proposalId());
    }

    @JobWorker(type = "return-to-coordinator")
    public void returnToCoordinator(@VariablesAsType MentorAssignmentVariables process) {
        mentoring.returnToCoordinator(process.proposalId());
    }

    @JobWorker(type = "record-mentorship")
    public void recordMentorship(@VariablesAsType MentorAssignmentVariables process) {
        mentoring.recordMentorship(process.proposalId());
    }

    @JobWorker(type = "notify-mentorship-started")
    public void notifyMentorshipStarted(@VariablesAsType MentorAssignmentVariables process) {
        mentoring.notifyMentorshipStarted(process.candidateId());
    }
}
