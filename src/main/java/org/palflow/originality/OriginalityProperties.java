package org.palflow.originality;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How originality screening runs (application.yml, {@code pal.originality}).
 *
 * @param allowList where the text that submissions may share without it counting is (resource pattern)
 * @param minSharedFingerprints shared winnowing fingerprints that send a submission to administrative review
 */
@ConfigurationProperties("pal.originality")
record OriginalityProperties(String allowList, int minSharedFingerprints) {
}
