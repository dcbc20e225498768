package org.palflow.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.palflow.program.Cohort;
import org.palflow.program.CohortRepository;
import org.palflow.program.HandbookVersion;
import org.palflow.program.HandbookVersionRepository;
import org.palflow.program.PreparationProgram;
import org.palflow.program.ProgramRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks a registration must pass, each failure worded for the person who registered. The registration
 * process runs them; a cohort import runs them on every row before it stores anything.
 */
@Component
public class RegistrationRules {

    private final ProgramRepository programs;
    private final CohortRepository cohorts;
    private final HandbookVersionRepository handbooks;
    private final RegistrationRepository registrations;

    RegistrationRules(ProgramRepository programs, CohortRepository cohorts, HandbookVersionRepository handbooks,
            RegistrationRepository registrations) {
        this.programs = programs;
        this.cohorts = cohorts;
        this.handbooks = handbooks;
        this.registrations = registrations;
    }

    @Transactional(readOnly = true)
    public List<String> violations(RegistrationDetails details) {
        List<String> reasons = new ArrayList<>(programAndCohortViolations(details.programCode(), details.cohortCode()));
        Optional<HandbookVersion> handbook = handbooks.findById(details.handbookVersion());
        if (handbook.isEmpty() || !handbook.get().isOpenForRegistration()) {
            String open = String.join(", ", handbooks.findAll().stream()
                    .filter(HandbookVersion::isOpenForRegistration).map(HandbookVersion::getCode).toList());
            reasons.add(handbook.isEmpty()
                    ? "'" + details.handbookVersion() + "' is not a PAL handbook version; use one of: " + open + "."
                    : "Handbook version " + details.handbookVersion()
                            + " no longer takes new candidates; use one of: " + open + ".");
        }
        if (!Boolean.TRUE.equals(details.policiesConfirmed())) {
            reasons.add("The PAL assessment policies must be confirmed before registering.");
        }
        if (registrations.existsSameCandidateUnderOtherEmail(details.fullName(), details.district(),
                details.programCode(), details.email())) {
            reasons.add("A candidate named " + details.fullName() + " in " + details.district()
                    + " is already registered in program " + details.programCode()
                    + " under another e-mail address.");
        }
        return reasons;
    }

    @Transactional(readOnly = true)
    public List<String> programAndCohortViolations(String programCode, String cohortCode) {
        Optional<PreparationProgram> program = programs.findByCode(programCode);
        if (program.isEmpty()) {
            return List.of("There is no preparation program with code '" + programCode + "'.");
        }
        List<String> reasons = new ArrayList<>();
        if (!program.get().isAccepting()) {
            reasons.add("The preparation program " + program.get().getName() + " is not accepting candidates.");
        }
        Optional<Cohort> cohort = cohorts.findByProgramCodeAndCode(programCode, cohortCode);
        if (cohort.isEmpty()) {
            reasons.add("Program " + programCode + " has no cohort '" + cohortCode + "'.");
        } else if (!cohort.get().isAccepting()) {
            reasons.add("Cohort " + cohortCode + " of program " + programCode + " is closed to registrations.");
        }
        return reasons;
    }
}
