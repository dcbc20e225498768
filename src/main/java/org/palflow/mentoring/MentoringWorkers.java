package org.palflow.mentoring;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
import org.springframework.stereotype.Component;

/** The job workers of processes/mentor-assignment.bpmn; each maps variables and calls the service. */
@Component
public class MentoringWorkers {

    private final MentoringService mentoring;

    MentoringWorkers(MentoringService mentoring) {
        this.mentoring = mentoring;
    }

    @JobWorker(type = "open-mentor-assignment")
    public void openMentorAssignment(@Variable long candidateId) {
        mentoring.open(candidateId);
    }

    @JobWorker(type = "notify-proposed-mentor")
    public void notifyProposedMentor(@Variable long proposalId) {
        mentoring.notifyProposedMentor(proposalId);
    }

    @JobWorker(type = "expire-mentor-proposal")
    public void expireMentorProposal(@Variable long proposalId) {
        mentoring.expire(proposalId);
    }

    @JobWorker(type = "return-to-coordinator")
    public void returnToCoordinator(@Variable long proposalId) {
        mentoring.returnToCoordinator(proposalId);
    }

    @JobWorker(type = "record-mentorship")
    public void recordMentorship(@Variable long proposalId) {
        mentoring.recordMentorship(proposalId);
    }

    @JobWorker(type = "notify-mentorship-started")
    public void notifyMentorshipStarted(@Variable long candidateId) {
        mentoring.notifyMentorshipStarted(candidateId);
    }
}
