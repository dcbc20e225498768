package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MentorshipRepository extends JpaRepository<Mentorship, Long> {

    Optional<Mentorship> findByCandidateId(long candidateId);

    List<Mentorship> findByMentorIdOrderByStartedAtDesc(long mentorId);
}
