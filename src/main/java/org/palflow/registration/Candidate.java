package org.palflow.registration;

/**
 * A candidate as the other features know them: who they are, where they work and under which program, cohort and
 * handbook they registered. The registration itself stays inside this module.
 */
public record Candidate(long id, String fullName, String email, String programCode, String cohortCode,
        String district, String districtCode, String school, String handbookVersion, RegistrationStatus status, String mepid) {

    static Candidate of(Registration registration) {
        return new Candidate(registration.getId(), registration.getFullName(), registration.getEmail(),
                registration.getProgramCode(), registration.getCohortCode(), registration.getDistrict(),
                registration.getDistrictCode(), registration.getSchool(), registration.getHandbookVersion(), registration.getStatus(),
                registration.getMepid());
    }

    public boolean isActive() {
        return status == RegistrationStatus.ACTIVE;
    }
}
