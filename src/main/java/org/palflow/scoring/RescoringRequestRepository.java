package org.palflow.scoring;

import org.springframework.data.jpa.repository.JpaRepository;

interface RescoringRequestRepository extends JpaRepository<RescoringRequest, Long> {
}
