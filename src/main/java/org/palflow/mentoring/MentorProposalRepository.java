package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MentorProposalRepository extends JpaRepository<MentorProposal, Long> {

    Optional<MentorProposal> findFirstByAssignmentIdOrderByIdDesc(long assignmentId);

    List<MentorProposal> findByAssignmentIdOrderByIdAsc(long assignmentId);

    List<MentorProposal> findByMentorIdAndStatusOrderByRespondByAsc(long mentorId, MentorProposal.Status status);
}
