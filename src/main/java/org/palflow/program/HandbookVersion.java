package org.palflow.program;

import jakarta.persistence.Entity;
import jakarta.persistence.Column;
import jakarta.persistence.Id;
import java.time.LocalDate;

@Entity
class HandbookVersion {

    @Id
    private String code;
    private String title;
    private boolean openForRegistration;
    private boolean pilot;
    /** Tasks 1–2 under this handbook count only if submitted by this date (the 2025 transition), if set. */
    @Column(name = "tasks_1_2_submit_by")
    private LocalDate tasks12SubmitBy;

    protected HandbookVersion() {
    }

    public String getCode() {
        return code;
    }

    public String getTitle() {
        return title;
    }

    public boolean isOpenForRegistration() {
        return openForRegistration;
    }

    public boolean isPilot() {
        return pilot;
    }

    public LocalDate getTasks12SubmitBy() {
        return tasks12SubmitBy;
    }
}
