package org.palflow.licensure;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.palflow.platform.process.EngineHandOff;
import org.palflow.platform.process.ProcessMessages;
import org.palflow.platform.time.PalCalendar;
import org.palflow.scoring.ScoringResults;
import org.palflow.scoring.TaskScoreChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a licensure decision whenever a candidate's task score is released or corrected (from the event stored
 * with the score) or expires (checked every hour; each expiry once, with the expiry recorded). Decisions of one candidate run one
 * after another: the message start event takes one instance per candidate at a time.
 */
@Component
public class LicensureTriggers {

    static final String TASK_SCORE_CHANGED = "task-score-changed";

    private final ProcessMessages messages;
    private final ScoringResults results;
    private final ScoreExpiryRepository expiries;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PalCalendar calendar;

    LicensureTriggers(ProcessMessages messages, ScoringResults results, ScoreExpiryRepository expiries,
            ApplicationEventPublisher events, Clock clock, PalCalendar calendar) {
        this.messages = messages;
        this.events = events;
        this.results = results;
        this.expiries = expiries;
        this.clock = clock;
        this.calendar = calendar;
    }

    @EngineHandOff
    void scoreReleased(TaskScoreChanged change) {
        decide(change.candidateId(), "released-" + change.taskScoreId());
    }

    @EngineHandOff
    void scoreExpired(ScoreExpired expiry) {
        decide(expiry.candidateId(), "expired-" + expiry.taskScoreId());
    }

    /** Scores that expired since the last look start a decision each, once. */
    @Scheduled(fixedDelayString = "${pal.licensure.expiry-check-every}")
    @Transactional
    public void scoresExpired() {
        for (TaskScoreChanged expired : results.expiredBy(calendar.today())) {
            if (!expiries.existsById(expired.taskScoreId())) {
                expiries.save(new ScoreExpiry(expired.taskScoreId(), expired.candidateId(), Instant.now(clock)));
                events.publishEvent(new ScoreExpired(expired.candidateId(), expired.taskScoreId()));
            }
        }
    }

    private void decide(long candidateId, String why) {
        messages.publishOnce(TASK_SCORE_CHANGED, String.valueOf(candidateId), TASK_SCORE_CHANGED + "-" + why,
                Map.of("candidateId", candidateId));
    }
}
