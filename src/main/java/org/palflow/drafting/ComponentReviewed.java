package org.palflow.drafting;

import java.time.Instant;

/** The mentor approved or returned a component marked done. */
public record ComponentReviewed(long draftId, String component, boolean approved, Instant reviewedAt) {
}
