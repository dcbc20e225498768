package org.palflow.mentoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface MilestoneTypeRepository extends JpaRepository<MilestoneType, String> {

    List<MilestoneType> findByOpensWithMentorshipTrueOrderBySequence();
}
