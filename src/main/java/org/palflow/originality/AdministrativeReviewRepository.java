package org.palflow.originality;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface AdministrativeReviewRepository extends JpaRepository<AdministrativeReview, Long> {

    List<AdministrativeReview> findByStatusOrderByOpenedAtAsc(AdministrativeReview.Status status);

    /**
     * The review, locked until the transaction ends: two decisions sent at once are taken in turn, so the second
     * meets the first as a repeat or a refused change, and only one outcome reaches the candidate and the engine.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from AdministrativeReview r where r.submissionId = :submissionId")
    Optional<AdministrativeReview> lockById(long submissionId);
}
