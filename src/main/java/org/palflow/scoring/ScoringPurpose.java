package org.palflow.scoring;

/** Why a scorer scores a submission: the first scoring, a second one near the threshold, adjudication, rescoring. */
public enum ScoringPurpose { FIRST, SECOND, ADJUDICATION, RESCORING }
