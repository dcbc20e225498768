package org.palflow.scoring;

import java.util.Map;
import org.palflow.platform.process.EngineHandOff;
import org.palflow.platform.process.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * Tells the task-scoring and rescoring processes what scorers, admins and candidates did, from the events
 * stored with those changes; each message id is derived from the event, so a repeat publishes nothing new.
 */
@Component
class ScoringMessages {

    static final String SCORE_RECORDED = "score-recorded";
    static final String WINDOW_OPENED = "scoring-window-opened";
    static final String RESCORING_REQUESTED = "rescoring-requested";

    private final ProcessMessages messages;
    private final ScoringWindowRepository windows;
    private final ScoringCaseRepository cases;

    ScoringMessages(ProcessMessages messages, ScoringWindowRepository windows, ScoringCaseRepository cases) {
        this.messages = messages;
        this.windows = windows;
        this.cases = cases;
    }

    @EngineHandOff
    void on(ScoreRecorded recorded) {
        messages.publishOnce(SCORE_RECORDED, String.valueOf(recorded.assignmentId()),
                SCORE_RECORDED + "-" + recorded.assignmentId(), Map.of());
    }

    /** Every submission still waiting for a window that this one accepts. */
    @EngineHandOff
    void on(ScoringWindowCreated created) {
        ScoringWindow window = windows.findById(created.windowId()).orElseThrow();
        cases.findByStatus(ScoringCase.Status.WAITING_FOR_WINDOW).stream()
                .filter(waiting -> window.accepts(waiting.getHandbookVersion(), waiting.getTask()))
                .forEach(waiting -> messages.publishOnce(WINDOW_OPENED, String.valueOf(waiting.getSubmissionId()),
                        WINDOW_OPENED + "-" + window.getId() + "-" + waiting.getSubmissionId(), Map.of()));
    }

    @EngineHandOff
    void on(RescoringRequested requested) {
        messages.publishOnce(RESCORING_REQUESTED, String.valueOf(requested.submissionId()),
                RESCORING_REQUESTED + "-" + requested.submissionId(),
                Map.of("submissionId", requested.submissionId()));
    }
}
