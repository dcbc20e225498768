package org.palflow.program;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Programs, their cohorts and the handbook versions: the reference data every other feature reads here. */
@Service
@Transactional(readOnly = true)
public class Programs {

    private final ProgramRepository programs;
    private final CohortRepository cohorts;
    private final HandbookVersionRepository handbooks;

    Programs(ProgramRepository programs, CohortRepository cohorts, HandbookVersionRepository handbooks) {
        this.programs = programs;
        this.cohorts = cohorts;
        this.handbooks = handbooks;
    }

    public Optional<Program> program(String code) {
        return programs.findByCode(code).map(Program::of);
    }

    public Optional<ProgramCohort> cohort(String programCode, String cohortCode) {
        return cohorts.findByProgramCodeAndCode(programCode, cohortCode).map(ProgramCohort::of);
    }

    /** The cohorts candidates may register into now: accepting, of programs that accept candidates. */
    public List<ProgramCohort> openCohorts() {
        return cohorts.findAll().stream().filter(cohort -> cohort.isAccepting() && cohort.getProgram().isAccepting())
                .map(ProgramCohort::of).sorted(java.util.Comparator.comparing(ProgramCohort::programCode)
                        .thenComparing(ProgramCohort::code)).toList();
    }

    public List<Handbook> handbooks() {
        return handbooks.findAll().stream().map(Handbook::of).toList();
    }

    public Optional<Handbook> handbook(String code) {
        return handbooks.findById(code).map(Handbook::of);
    }

    /** The codes of the handbook versions candidates may register or draft under now. */
    public List<String> openHandbooks() {
        return handbooks().stream().filter(Handbook::openForRegistration).map(Handbook::code).toList();
    }
}
