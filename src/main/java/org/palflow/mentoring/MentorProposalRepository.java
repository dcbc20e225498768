package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MentorProposalRepository extends JpaRepository<MentorProposal, Long> {

    Optional<MentorProposal> findFirstByAssignmentIdOrderByIdDesc(long assignmentId);

    @Query("select p from MentorProposal p where p.assignmentId = :assignmentId order by p.id")
    List<MentorProposal> findByAssignmentIdOrderByIdAsc(long assignmentId);

    List<MentorProposal> findByMentorIdAndStatusOrderByRespondByAsc(long mentorId, MentorProposal.Status status);
}
