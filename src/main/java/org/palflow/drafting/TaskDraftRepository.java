package org.palflow.drafting;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TaskDraftRepository extends JpaRepository<TaskDraft, Long> {

    @Query("select d from TaskDraft d where d.candidateId = :candidateId and d.taskNumber = :taskNumber and d.status = :status")
    Optional<TaskDraft> findByCandidateIdAndTaskNumberAndStatus(long candidateId, int taskNumber, TaskDraft.Status status);

    @Query("select d from TaskDraft d where d.candidateId = :candidateId order by d.taskNumber, d.id")
    List<TaskDraft> findByCandidateIdOrderByTaskNumberAscIdAsc(long candidateId);

    List<TaskDraft> findByStatus(TaskDraft.Status status);

    /** The draft, locked until the transaction ends: a second submission of it at the same moment waits its turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from TaskDraft d where d.id = :id")
    Optional<TaskDraft> lockById(long id);

    List<TaskDraft> findByCandidateIdInOrderByTaskNumberAscIdAsc(java.util.Collection<Long> candidateIds);

    List<TaskDraft> findByCandidateIdInAndStatus(java.util.Collection<Long> candidateIds, TaskDraft.Status status);

    /**
     * The engine's bookkeeping, written without the draft's version: it must not collide with the candidate's own
     * edits of a draft that was just opened.
     */
    @Modifying
    @Query("UPDATE TaskDraft d SET d.processInstanceKey = :key WHERE d.id = :id AND d.processInstanceKey IS NULL")
    int recordProcessInstance(@Param("id") long draftId, @Param("key") long processInstanceKey);
}
