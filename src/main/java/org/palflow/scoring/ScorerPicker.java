package org.palflow.scoring;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses a scorer for a submission: never one from the candidate's district or preparation program, never one who
 * has scored it already, never one at capacity; among the rest, the one with the fewest open assignments (then the
 * lowest id, so the choice is repeatable). When nobody is left, says why.
 */
final class ScorerPicker {

    /** A scorer, by their district's code, and their open assignments now. */
    record Load(long scorerId, String districtCode, String programCode, int capacity, int open) {
    }

    /** Whose work it is, by the candidate's district code, and who has scored it before. */
    record Work(String districtCode, String programCode, Set<Long> alreadyScoredBy) {
    }

    record Pick(Optional<Long> scorerId, String reasonIfNone) {
    }

    private ScorerPicker() {
    }

    static Pick pick(List<Load> pool, Work work) {
        int sameDistrict = 0;
        int sameProgram = 0;
        int scoredBefore = 0;
        int full = 0;
        Load best = null;
        for (Load scorer : pool) {
            if (sameDistrict(scorer.districtCode(), work.districtCode())) {
                sameDistrict++;
            } else if (same(scorer.programCode(), work.programCode())) {
                sameProgram++;
            } else if (work.alreadyScoredBy().contains(scorer.scorerId())) {
                scoredBefore++;
            } else if (scorer.open() >= scorer.capacity()) {
                full++;
            } else if (best == null || LEAST_LOADED.compare(scorer, best) < 0) {
                best = scorer;
            }
        }
        if (best != null) {
            return new Pick(Optional.of(best.scorerId()), null);
        }
        return new Pick(Optional.empty(), "No eligible scorer among " + pool.size() + " active: " + sameDistrict
                + " from the candidate's district, " + sameProgram + " from their preparation program, " + scoredBefore
                + " already scored this submission, " + full + " at capacity.");
    }

    private static final Comparator<Load> LEAST_LOADED = Comparator.comparingInt(Load::open)
            .thenComparingLong(Load::scorerId);

    /**
     * Districts are compared by code. A district without one (free text the migration could not match, listed for
     * the admin) might be anyone's, so it counts as the same until it is matched.
     */
    static boolean sameDistrict(String scorerCode, String candidateCode) {
        return scorerCode == null || candidateCode == null || scorerCode.equals(candidateCode);
    }

    static boolean same(String a, String b) {
        return a != null && b != null && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
