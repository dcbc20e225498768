package org.palflow.platform.process;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the app catches up with the engine after a hand-off failed.
 *
 * @param catchUpEvery how often incomplete hand-offs are looked for
 * @param catchUpAfter how old a hand-off must be before it is tried again; longer than one normally takes
 */
@ConfigurationProperties("pal.process")
public record ProcessProperties(Duration catchUpEvery, Duration catchUpAfter) {
}
