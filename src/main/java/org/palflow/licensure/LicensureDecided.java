package org.palflow.licensure;

/** A licensure decision was made for the candidate (passed or not yet). */
public record LicensureDecided(long candidateId, long decisionId) {
}
