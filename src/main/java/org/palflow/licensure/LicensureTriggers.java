package org.palflow.licensure;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.palflow.platform.process.ProcessMessages;
import org.palflow.platform.time.PalCalendar;
import org.palflow.scoring.ScoringResults;
import org.palflow.scoring.TaskScoreChanged;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Starts a licensure decision whenever a candidate's task score is released or corrected (after the scoring
 * transaction commits) or expires (checked every hour; each expiry once). Decisions of one candidate run one
 * after another: the message start event takes one instance per candidate at a time.
 */
@Component
public class LicensureTriggers {

    static final String TASK_SCORE_CHANGED = "task-score-changed";

    private final ProcessMessages messages;
    private final ScoringResults results;
    private final ScoreExpiryRepository expiries;
    private final Clock clock;
    private final PalCalendar calendar;

    LicensureTriggers(ProcessMessages messages, ScoringResults results, ScoreExpiryRepository expiries, Clock clock,
            PalCalendar calendar) {
        this.messages = messages;
        this.results = results;
        this.expiries = expiries;
        this.clock = clock;
        this.calendar = calendar;
    }

    @TransactionalEventListener
    public void scoreReleased(TaskScoreChanged change) {
        decide(change, "released-" + change.taskScoreId());
    }

    /** Scores that expired since the last look start a decision each, once. */
    @Scheduled(fixedDelayString = "${pal.licensure.expiry-check-every}")
    @Transactional
    public void scoresExpired() {
        for (TaskScoreChanged expired : results.expiredBy(calendar.today())) {
            if (!expiries.existsById(expired.taskScoreId())) {
                expiries.save(new ScoreExpiry(expired.taskScoreId(), expired.candidateId(), Instant.now(clock)));
                decide(expired, "expired-" + expired.taskScoreId());
            }
        }
    }

    private void decide(TaskScoreChanged change, String why) {
        messages.publishOnce(TASK_SCORE_CHANGED, String.valueOf(change.candidateId()),
                TASK_SCORE_CHANGED + "-" + why, Map.of("candidateId", change.candidateId()));
    }
}
