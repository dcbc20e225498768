package org.palflow.scoring;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface ScoringAssignmentRepository extends JpaRepository<ScoringAssignment, Long> {

    @Query("select a from ScoringAssignment a where a.submissionId = :submissionId order by a.id")
    List<ScoringAssignment> findBySubmissionIdOrderByIdAsc(long submissionId);

    @Query("select a from ScoringAssignment a where a.submissionId = :submissionId and a.purpose = :purpose")
    Optional<ScoringAssignment> findBySubmissionIdAndPurpose(long submissionId, ScoringPurpose purpose);

    /**
     * The assignment, locked until the transaction ends: two score sheets for it sent at once (a double click, two
     * tabs) are recorded one after the other, so the second meets the first as a repeat or a refused change.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from ScoringAssignment a where a.id = :id")
    Optional<ScoringAssignment> lockById(long id);

    List<ScoringAssignment> findByScorerIdAndStatusOrderByDueAtAscIdAsc(long scorerId, ScoringAssignment.Status status);

    List<ScoringAssignment> findByScorerIdAndStatusOrderByScoredAtDescIdDesc(long scorerId,
            ScoringAssignment.Status status, Limit limit);

    /** Open assignments per scorer: [scorerId, count]. */
    @Query("select a.scorerId, count(a) from ScoringAssignment a where a.status = 'OPEN' group by a.scorerId")
    List<Object[]> openPerScorer();
}
