package org.palflow.drafting;

/**
 * Whether a submitted task may be drafted again as a new attempt. Drafting does not know scores or reviews; the
 * features that do implement this, and every implementation must agree.
 */
public interface NewAttempts {

    /** Throws a problem saying why when the candidate may not draft {@code task} again yet. */
    void checkMayDraftAgain(long candidateId, int task, long lastSubmissionId);
}
