package org.palflow.mentoring;

import java.util.Map;
import org.palflow.platform.process.EngineHandOff;
import org.palflow.platform.process.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * Tells the mentor-assignment process what a person decided, from the event stored with the decision; the
 * message id is the proposal's, so delivering the event twice publishes one message.
 */
@Component
class MentoringMessages {

    static final String MENTOR_PROPOSED = "mentor-proposed";
    static final String MENTOR_RESPONDED = "mentor-responded";

    private final ProcessMessages messages;

    MentoringMessages(ProcessMessages messages) {
        this.messages = messages;
    }

    @EngineHandOff
    void on(MentorProposed proposed) {
        messages.publishOnce(MENTOR_PROPOSED, String.valueOf(proposed.candidateId()),
                MENTOR_PROPOSED + "-" + proposed.proposalId(),
                Map.of("proposalId", proposed.proposalId(), "respondBy", proposed.respondBy().toString()));
    }

    @EngineHandOff
    void on(MentorResponded responded) {
        messages.publishOnce(MENTOR_RESPONDED, String.valueOf(responded.candidateId()),
                MENTOR_RESPONDED + "-" + responded.proposalId(),
                Map.of("proposalId", responded.proposalId(), "accepted", responded.accepted()));
    }
}
