package org.palflow.licensure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How licensure decisions are handed off (application.yml, {@code pal.licensure}).
 *
 * @param elarUrl where passing decisions go; empty for the app's own stand-in receiver
 * @param elarSecret the shared secret hand-offs carry as a bearer token (the stand-in receiver requires it)
 * @param elarTimeout how long one hand-off may take
 * @param retryBackoff how long after a failed hand-off it is tried again
 * @param expiryCheckEvery how often expired scores are looked for
 */
@ConfigurationProperties("pal.licensure")
record LicensureProperties(String elarUrl, String elarSecret, Duration elarTimeout, Duration retryBackoff, Duration expiryCheckEvery) {
}
