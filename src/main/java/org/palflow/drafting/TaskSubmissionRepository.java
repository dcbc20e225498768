package org.palflow.drafting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    Optional<TaskSubmission> findByDraftId(long draftId);

    Optional<TaskSubmission> findFirstByCandidateIdAndTaskNumberOrderByIdDesc(long candidateId, int taskNumber);

    @Query("select s.id from TaskSubmission s order by s.id")
    List<Long> findAllIds();
}
