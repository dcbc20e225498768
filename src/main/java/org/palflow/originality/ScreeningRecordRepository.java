package org.palflow.originality;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningRecordRepository extends JpaRepository<ScreeningRecord, Long> {

    List<ScreeningRecord> findBySubmissionIdNotIn(java.util.Collection<Long> known);
}
