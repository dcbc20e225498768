package org.palflow.drafting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TaskDraftRepository extends JpaRepository<TaskDraft, Long> {

    Optional<TaskDraft> findByCandidateIdAndTaskNumberAndStatus(long candidateId, int taskNumber, TaskDraft.Status status);

    List<TaskDraft> findByCandidateIdOrderByTaskNumberAscIdAsc(long candidateId);

    List<TaskDraft> findByStatus(TaskDraft.Status status);

    List<TaskDraft> findByCandidateIdInOrderByTaskNumberAscIdAsc(java.util.Collection<Long> candidateIds);

    List<TaskDraft> findByCandidateIdInAndStatus(java.util.Collection<Long> candidateIds, TaskDraft.Status status);
}
