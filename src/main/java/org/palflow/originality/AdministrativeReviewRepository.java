package org.palflow.originality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AdministrativeReviewRepository extends JpaRepository<AdministrativeReview, Long> {

    List<AdministrativeReview> findByStatusOrderByOpenedAtAsc(AdministrativeReview.Status status);
}
