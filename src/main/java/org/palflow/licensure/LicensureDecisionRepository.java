package org.palflow.licensure;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LicensureDecisionRepository extends JpaRepository<LicensureDecision, Long> {

    @Query("select d from LicensureDecision d where d.processInstanceKey = :processInstanceKey")
    Optional<LicensureDecision> findByProcessInstanceKey(long processInstanceKey);

    Optional<LicensureDecision> findFirstByCandidateIdOrderByIdDesc(long candidateId);

    Optional<LicensureDecision> findFirstByCandidateIdAndIdLessThanOrderByIdDesc(long candidateId, long id);
}
