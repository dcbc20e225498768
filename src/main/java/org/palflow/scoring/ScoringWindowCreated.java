package org.palflow.scoring;

/** An admin created a scoring window; submissions waiting for one it accepts may now be placed. */
public record ScoringWindowCreated(long windowId) {
}
