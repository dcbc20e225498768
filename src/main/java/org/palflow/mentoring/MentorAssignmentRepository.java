package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MentorAssignmentRepository extends JpaRepository<MentorAssignment, Long> {

    @Query("select a from MentorAssignment a where a.candidateId = :candidateId")
    Optional<MentorAssignment> findByCandidateId(long candidateId);

    List<MentorAssignment> findByStatusOrderByUpdatedAtAsc(MentorAssignment.Status status);

    List<MentorAssignment> findByStatusNot(MentorAssignment.Status status);

    @Query("select a.candidateId from MentorAssignment a")
    List<Long> candidatesWithAssignment();
}
