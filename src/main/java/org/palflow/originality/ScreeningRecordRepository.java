package org.palflow.originality;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScreeningRecordRepository extends JpaRepository<ScreeningRecord, Long> {
}
