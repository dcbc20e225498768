package org.palflow.scoring;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskScoreRepository extends JpaRepository<TaskScore, Long> {

    @Query("select s from TaskScore s where s.submissionId = :submissionId order by s.id")
    List<TaskScore> findBySubmissionIdOrderByIdAsc(long submissionId);

    List<TaskScore> findByValidUntilLessThanEqual(LocalDate day);

    /** The released result that stands now: the last of the chain of corrections. */
    default Optional<TaskScore> current(long submissionId) {
        List<TaskScore> chain = findBySubmissionIdOrderByIdAsc(submissionId);
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(chain.size() - 1));
    }
}
