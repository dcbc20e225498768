package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The latest readiness report of a draft, its findings kept as JSON. */
@Entity
@Table(name = "readiness_report")
class ReadinessReportRecord {

    @Id
    private Long draftId;
    private Instant computedAt;
    private int blocking;
    private int warnings;
    private String findings;

    protected ReadinessReportRecord() {
    }

    ReadinessReportRecord(long draftId, Instant computedAt, int blocking, int warnings, String findings) {
        this.draftId = draftId;
        this.computedAt = computedAt;
        this.blocking = blocking;
        this.warnings = warnings;
        this.findings = findings;
    }
}
