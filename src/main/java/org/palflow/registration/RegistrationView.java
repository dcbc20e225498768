package org.palflow.registration;

import java.time.Instant;
import java.util.List;

public record RegistrationView(long id, String fullName, String email, String programCode, String cohortCode,
        String district, String districtCode, String school, String schoolCode,
        String handbookVersion, RegistrationStatus status,
        List<String> rejectionReasons, String registeredBy, Instant createdAt, Instant updatedAt) {

    static RegistrationView of(Registration r) {
        return new RegistrationView(r.getId(), r.getFullName(), r.getEmail(), r.getProgramCode(), r.getCohortCode(),
                r.getDistrict(), r.getDistrictCode(), r.getSchool(), r.getSchoolCode(), r.getHandbookVersion(), r.getStatus(), r.rejectionReasons(),
                r.getRegisteredBy(), r.getCreatedAt(), r.getUpdatedAt());
    }
}
