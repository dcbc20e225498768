package org.palflow.platform;

import java.nio.file.Path;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the whole platform shares (application.yml, {@code pal}).
 *
 * @param dataDir everything the embedded default keeps between runs: database files, evidence, mail outbox
 * @param zone where the assessment's dates are: deadlines and report dates are Massachusetts dates
 * @param adminEmail who hears about late scorers, submissions nobody may score and administrative reviews
 */
@ConfigurationProperties("pal")
public record PlatformProperties(Path dataDir, ZoneId zone, String adminEmail) {
}
