package org.palflow.mentoring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How mentor assignment runs (application.yml, {@code pal.mentoring}).
 *
 * @param responsePeriod how long a proposed mentor has to answer before the case returns to the coordinator
 */
@ConfigurationProperties("pal.mentoring")
record MentoringProperties(Duration responsePeriod) {
}
