package org.palflow.drafting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How drafting runs (application.yml, {@code pal.drafting}).
 *
 * @param reviewReminderAfter a component marked done waits this long for the mentor's review before a reminder
 * @param reviewEscalationAfter and this long before the coordinator is told
 * @param extraction bounds per file, so a file that cannot be read becomes a finding, not a stuck worker; and how
 *     long a submission made while files are still being read waits for them before it is refused
 */
@ConfigurationProperties("pal.drafting")
record DraftingProperties(Duration reviewReminderAfter, Duration reviewEscalationAfter, Extraction extraction) {

    record Extraction(Duration timeout, int maxCharacters, Duration submissionWait) {
    }
}
