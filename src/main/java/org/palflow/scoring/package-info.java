/**
 * Scoring windows, blinded scoring on the rubrics, second scoring, adjudication, score reports and rescoring
 * (task-scoring and rescoring processes). Publishes {@link org.palflow.scoring.TaskScoreChanged}. Its SQL read
 * model is the view {@code scoring_submission_standing}.
 */
@ApplicationModule(displayName = "Scoring")
package org.palflow.scoring;

import org.springframework.modulith.ApplicationModule;
