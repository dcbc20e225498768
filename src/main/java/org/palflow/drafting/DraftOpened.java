package org.palflow.drafting;

/** A candidate opened a draft; its task-drafting process is owed. */
public record DraftOpened(long draftId) {
}
