package org.palflow.scoring;

import org.palflow.platform.mail.Notifier;
import org.palflow.registration.Candidates;
import org.springframework.stereotype.Component;

/** Tells a candidate about their score: a report released, amended or confirmed. */
@Component
class ScoreNotices {

    private final Candidates candidates;
    private final Notifier notifier;

    ScoreNotices(Candidates candidates, Notifier notifier) {
        this.candidates = candidates;
        this.notifier = notifier;
    }

    void tell(String dedupeKey, TaskScore score, String subject, String body) {
        candidates.find(score.getCandidateId()).ifPresent(candidate -> notifier.send(dedupeKey,
                candidate.email(), subject, body));
    }
}
