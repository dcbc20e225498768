package org.palflow.cohorts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The coordinator's cohort view (application.yml, {@code pal.cohorts}).
 *
 * @param mentorSilentAfter a proposed mentor silent this long puts the candidate on the at-risk list
 */
@ConfigurationProperties("pal.cohorts")
record CohortsProperties(Duration mentorSilentAfter) {
}
