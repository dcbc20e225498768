package org.palflow.drafting;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    @Query("select s from TaskSubmission s where s.draftId = :draftId")
    Optional<TaskSubmission> findByDraftId(long draftId);

    Optional<TaskSubmission> findFirstByCandidateIdAndTaskNumberOrderByIdDesc(long candidateId, int taskNumber);
}
