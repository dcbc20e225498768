package org.palflow.progress;

import org.palflow.mentoring.MentoringView;
import org.palflow.registration.RegistrationView;

/** Where a candidate's case stands, and who or what it waits for, in words a person can act on. */
public record CaseProgress(long candidateId, Stage stage, String waitingFor, RegistrationView registration,
        MentoringView mentoring) {

    public enum Stage {
        REGISTRATION_CHECK,
        REGISTRATION_REJECTED,
        MENTOR_ASSIGNMENT_OPENING,
        AWAITING_MENTOR_PROPOSAL,
        AWAITING_MENTOR_RESPONSE,
        MENTORED
    }
}
