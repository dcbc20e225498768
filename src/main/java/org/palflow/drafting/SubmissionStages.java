package org.palflow.drafting;

import java.util.Optional;

/**
 * Where a submitted task stands after drafting, in words for the candidate's task list. Drafting does not know
 * windows or scores; the feature that takes a submission on (scoring) implements this.
 */
public interface SubmissionStages {

    /** Empty while no feature has taken the submission on yet. */
    Optional<String> stageOf(long submissionId);
}
