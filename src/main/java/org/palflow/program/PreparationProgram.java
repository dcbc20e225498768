package org.palflow.program;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
class PreparationProgram {

    @Id
    private Long id;
    private String code;
    private String name;
    private boolean accepting;
    private String coordinatorEmail;

    protected PreparationProgram() {
    }

    public Long getId() {
        return id;
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

    public String getCoordinatorEmail() {
        return coordinatorEmail;
    }
}
