package org.palflow.mentoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneRepository extends JpaRepository<MentorshipMilestone, Long> {

    List<MentorshipMilestone> findByMentorshipIdOrderByIdAsc(long mentorshipId);
}
