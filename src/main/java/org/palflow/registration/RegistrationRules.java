package org.palflow.registration;

import java.util.function.BiConsumer;
import org.palflow.program.District;
import org.palflow.program.Districts;
import org.palflow.program.Handbook;
import org.palflow.program.Program;
import org.palflow.program.ProgramCohort;
import org.palflow.program.Programs;
import org.palflow.program.School;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The checks a registration must pass, each failure worded for the person who registered. The registration
 * process runs them; a cohort import runs them on every row before it stores anything.
 */
@Component
class RegistrationRules {

    private final Programs programs;
    private final Districts districts;
    private final RegistrationRepository registrations;

    RegistrationRules(Programs programs, Districts districts, RegistrationRepository registrations) {
        this.programs = programs;
        this.districts = districts;
        this.registrations = registrations;
    }

    /** Details whose district and school are ones the reference data knows, spelled as it names them. */
    record Placed(RegistrationDetails details, String districtCode, String schoolCode) {
    }

    /**
     * Where the person works, as the reference data names it (by name or code, in any case), or each field that
     * names nothing known, told to {@code refuse} (field, message).
     */
    Optional<Placed> place(RegistrationDetails details, BiConsumer<String, String> refuse) {
        Optional<District> district = districts.resolve(details.district());
        if (district.isEmpty()) {
            refuse.accept("district", Districts.unknown(details.district()));
            return Optional.empty();
        }
        Optional<School> school = districts.resolveSchool(district.get(), details.school());
        if (school.isEmpty()) {
            refuse.accept("school", Districts.unknownSchool(district.get(), details.school()));
            return Optional.empty();
        }
        return Optional.of(new Placed(details.at(district.get(), school.get()), district.get().code(),
                school.get().code()));
    }

    @Transactional(readOnly = true)
    List<String> violations(RegistrationDetails details) {
        List<String> reasons = new ArrayList<>(programAndCohortViolations(details.programCode(), details.cohortCode()));
        Optional<Handbook> handbook = programs.handbook(details.handbookVersion());
        if (handbook.isEmpty() || !handbook.get().openForRegistration()) {
            String open = String.join(", ", programs.openHandbooks());
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
    List<String> programAndCohortViolations(String programCode, String cohortCode) {
        Optional<Program> program = programs.program(programCode);
        if (program.isEmpty()) {
            return List.of("There is no preparation program with code '" + programCode + "'.");
        }
        List<String> reasons = new ArrayList<>();
        if (!program.get().accepting()) {
            reasons.add("The preparation program " + program.get().name() + " is not accepting candidates.");
        }
        Optional<ProgramCohort> cohort = programs.cohort(programCode, cohortCode);
        if (cohort.isEmpty()) {
            reasons.add("Program " + programCode + " has no cohort '" + cohortCode + "'.");
        } else if (!cohort.get().accepting()) {
            reasons.add("Cohort " + cohortCode + " of program " + programCode + " is closed to registrations.");
        }
        return reasons;
    }
}
