package org.palflow.mentoring;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface MentorProposalRepository extends JpaRepository<MentorProposal, Long> {

    Optional<MentorProposal> findFirstByAssignmentIdOrderByIdDesc(long assignmentId);

    /** The proposal, locked until the transaction ends: an answer sent twice at once is recorded once, in turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from MentorProposal p where p.id = :id")
    Optional<MentorProposal> lockById(long id);

    @Query("select p from MentorProposal p where p.assignmentId = :assignmentId order by p.id")
    List<MentorProposal> findByAssignmentIdOrderByIdAsc(long assignmentId);

    List<MentorProposal> findByMentorIdAndStatusOrderByRespondByAsc(long mentorId, MentorProposal.Status status);
}
