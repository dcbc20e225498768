package org.palflow.drafting;

import org.springframework.data.jpa.repository.JpaRepository;

interface ReadinessReportRepository extends JpaRepository<ReadinessReportRecord, Long> {
}
