package org.palflow.mentoring;

import java.util.Map;
import org.palflow.platform.process.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * Tells the mentor-assignment process what a person decided. Sent after the decision is committed, so the
 * next job finds it; a client that retries after an engine outage re-sends the same message, which is harmless.
 */
@Component
class MentoringMessages {

    static final String MENTOR_PROPOSED = "mentor-proposed";
    static final String MENTOR_RESPONDED = "mentor-responded";

    private final ProcessMessages messages;

    MentoringMessages(ProcessMessages messages) {
        this.messages = messages;
    }

    void mentorProposed(long candidateId, MentorProposal proposal) {
        messages.publishOnce(MENTOR_PROPOSED, String.valueOf(candidateId), MENTOR_PROPOSED + "-" + proposal.getId(),
                Map.of("proposalId", proposal.getId(), "respondBy", proposal.getRespondBy().toString()));
    }

    void mentorResponded(long candidateId, MentorProposal proposal) {
        messages.publishOnce(MENTOR_RESPONDED, String.valueOf(candidateId), MENTOR_RESPONDED + "-" + proposal.getId(),
                Map.of("proposalId", proposal.getId(),
                        "accepted", proposal.getStatus() == MentorProposal.Status.ACCEPTED));
    }
}
