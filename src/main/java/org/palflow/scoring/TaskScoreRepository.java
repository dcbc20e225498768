package org.palflow.scoring;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TaskScoreRepository extends JpaRepository<TaskScore, Long> {

    List<TaskScore> findBySubmissionIdOrderByIdAsc(long submissionId);

    List<TaskScore> findByValidUntilLessThanEqual(LocalDate day);
}
