package org.palflow.drafting;

import java.time.Instant;

/** The candidate marked a component of a draft done, at {@code markedDoneAt}: one round of review. */
public record ComponentMarkedDone(long draftId, String component, Instant markedDoneAt) {
}
