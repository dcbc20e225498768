package org.palflow.scoring;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How scoring runs (application.yml, {@code pal.scoring}).
 *
 * @param scoringPeriod how long a scorer has from assignment; a reminder goes at the due date
 * @param escalateAfterLate how long after the due date the admin is told
 * @param assignmentRetry how long before a scoring nobody may take is tried again
 * @param rescoringPeriod how long after the score report a candidate may ask for rescoring, once
 * @param secondScoringMargin a task score this close to the threshold (either side) is scored a second time
 * @param adjudicationGap two scorings further apart than this go to an adjudicator
 * @param rescoringGap a rescoring further from the original than this replaces it
 * @param taskScoreRounding whether the mean of the indicator scores counts unrounded or rounded
 */
@ConfigurationProperties("pal.scoring")
record ScoringProperties(Duration scoringPeriod, Duration escalateAfterLate, Duration assignmentRetry,
        Duration rescoringPeriod, BigDecimal secondScoringMargin, BigDecimal adjudicationGap,
        BigDecimal rescoringGap, TaskScoreRounding taskScoreRounding) {
}
