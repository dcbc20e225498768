package org.palflow.originality;

/** An admin decided an administrative review: the submission is cleared, or voided. */
public record ReviewDecided(long submissionId, AdministrativeReview.Status outcome) {
}
