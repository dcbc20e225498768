package org.palflow.program;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

@Entity
class Cohort {

    @Id
    private Long id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "program_id")
    private PreparationProgram program;
    private String code;
    private String name;
    private boolean accepting;

    protected Cohort() {
    }

    public PreparationProgram getProgram() {
        return program;
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public boolean isAccepting() {
        return accepting;
    }
}
