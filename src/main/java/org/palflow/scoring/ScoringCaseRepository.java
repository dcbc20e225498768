package org.palflow.scoring;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScoringCaseRepository extends JpaRepository<ScoringCase, Long> {

    List<ScoringCase> findByStatus(ScoringCase.Status status);

    List<ScoringCase> findByCandidateId(long candidateId);
}
