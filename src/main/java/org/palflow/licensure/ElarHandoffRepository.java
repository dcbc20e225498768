package org.palflow.licensure;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ElarHandoffRepository extends JpaRepository<ElarHandoff, Long> {

    List<ElarHandoff> findAllByOrderByDecisionIdDesc();

    List<ElarHandoff> findByStatus(ElarHandoff.Status status);

    Optional<ElarHandoff> findFirstByCandidateIdOrderByDecisionIdDesc(long candidateId);
}
