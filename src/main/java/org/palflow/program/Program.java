package org.palflow.program;

/** A preparation program as the other features know it. */
public record Program(String code, String name, boolean accepting, String coordinatorEmail) {

    static Program of(PreparationProgram program) {
        return new Program(program.getCode(), program.getName(), program.isAccepting(), program.getCoordinatorEmail());
    }

    public boolean isCoordinatedBy(String email) {
        return coordinatorEmail.equalsIgnoreCase(email);
    }
}
