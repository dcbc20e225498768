package org.palflow.platform.process;

import java.util.Optional;

/**
 * A feature's answer to "whose case is this?" for the ids its processes carry (a draft, a submission, an evidence
 * file), so the process dashboard can name the candidate a waiting case belongs to.
 */
public interface CandidateOfCase {

    /** The candidate behind {@code variable} = {@code id}, or empty when the variable is not this feature's. */
    Optional<Long> candidateOf(String variable, long id);
}
