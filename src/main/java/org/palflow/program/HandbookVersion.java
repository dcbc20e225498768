package org.palflow.program;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class HandbookVersion {

    @Id
    private String code;
    private String title;
    private boolean openForRegistration;

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
}
