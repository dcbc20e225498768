package org.palflow.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ScoringAssignmentRepository extends JpaRepository<ScoringAssignment, Long> {

    @Query("select a from ScoringAssignment a where a.submissionId = :submissionId order by a.id")
    List<ScoringAssignment> findBySubmissionIdOrderByIdAsc(long submissionId);

    @Query("select a from ScoringAssignment a where a.submissionId = :submissionId and a.purpose = :purpose")
    Optional<ScoringAssignment> findBySubmissionIdAndPurpose(long submissionId, ScoringPurpose purpose);

    List<ScoringAssignment> findByScorerIdAndStatusOrderByDueAtAscIdAsc(long scorerId, ScoringAssignment.Status status);

    List<ScoringAssignment> findByScorerIdAndStatusOrderByScoredAtDescIdDesc(long scorerId,
            ScoringAssignment.Status status, Limit limit);

    /** Open assignments per scorer: [scorerId, count]. */
    @Query("select a.scorerId, count(a) from ScoringAssignment a where a.status = 'OPEN' group by a.scorerId")
    List<Object[]> openPerScorer();
}
