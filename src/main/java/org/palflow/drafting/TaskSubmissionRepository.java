package org.palflow.drafting;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskSubmissionRepository extends JpaRepository<TaskSubmission, Long> {

    Optional<TaskSubmission> findByDraftId(long draftId);

    Optional<TaskSubmission> findFirstByCandidateIdAndTaskNumberOrderByIdDesc(long candidateId, int taskNumber);
}
