package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface MentorAssignmentRepository extends JpaRepository<MentorAssignment, Long> {

    Optional<MentorAssignment> findByCandidateId(long candidateId);

    List<MentorAssignment> findByStatusOrderByUpdatedAtAsc(MentorAssignment.Status status);

    List<MentorAssignment> findByStatusNot(MentorAssignment.Status status);

    @Query("""
            select r.id from Registration r
            where r.status = org.palflow.registration.RegistrationStatus.ACTIVE
              and not exists (select a.id from MentorAssignment a where a.candidateId = r.id)
            """)
    List<Long> activeCandidatesWithoutAssignment();
}
