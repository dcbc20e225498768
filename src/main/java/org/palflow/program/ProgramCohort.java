package org.palflow.program;

/** A cohort of a program, which candidates register into while it is accepting. */
public record ProgramCohort(String programCode, String programName, String code, String name, boolean accepting) {

    static ProgramCohort of(Cohort cohort) {
        return new ProgramCohort(cohort.getProgram().getCode(), cohort.getProgram().getName(), cohort.getCode(),
                cohort.getName(), cohort.isAccepting());
    }
}
