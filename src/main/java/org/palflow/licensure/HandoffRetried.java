package org.palflow.licensure;

/** An admin gave a hand-off whose retries ran out another {@code retries} tries. */
public record HandoffRetried(long decisionId, long jobKey, int retries) {
}
