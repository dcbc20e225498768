package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MentorshipRepository extends JpaRepository<Mentorship, Long> {

    @Query("select m from Mentorship m where m.candidateId = :candidateId")
    Optional<Mentorship> findByCandidateId(long candidateId);

    List<Mentorship> findByMentorIdOrderByStartedAtDesc(long mentorId);
}
