package org.palflow.licensure;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface LicensureDecisionRepository extends JpaRepository<LicensureDecision, Long> {

    Optional<LicensureDecision> findByProcessInstanceKey(long processInstanceKey);

    Optional<LicensureDecision> findFirstByCandidateIdOrderByIdDesc(long candidateId);

    Optional<LicensureDecision> findFirstByCandidateIdAndIdLessThanOrderByIdDesc(long candidateId, long id);
}
