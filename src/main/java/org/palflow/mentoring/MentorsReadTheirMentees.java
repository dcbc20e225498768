package org.palflow.mentoring;

import org.palflow.platform.security.Actor;
import org.palflow.registration.CaseVisibility;
import org.springframework.stereotype.Component;

/** A mentor may read the cases of the candidates they mentor. */
@Component
class MentorsReadTheirMentees implements CaseVisibility.Grant {

    private final MentoringQueries mentoring;

    MentorsReadTheirMentees(MentoringQueries mentoring) {
        this.mentoring = mentoring;
    }

    @Override
    public boolean mayRead(long candidateId, Actor actor) {
        return mentoring.isMentorOf(candidateId, actor);
    }
}
