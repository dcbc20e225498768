package org.palflow.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.palflow.platform.web.PlainText;
import org.palflow.program.District;
import org.palflow.program.School;

/**
 * What a person registering tells us; the same fields arrive as JSON, from the registration page or as one row of
 * a cohort CSV, and are checked by the same constraints.
 */
public record RegistrationDetails(
        @NotBlank @Size(max = 200) @PlainText String fullName,
        @NotBlank @Email @Size(max = 254) @PlainText String email,
        @NotBlank @Size(max = 40) @PlainText String programCode,
        @NotBlank @Size(max = 40) @PlainText String cohortCode,
        @NotBlank @Size(max = 200) @PlainText String district,
        @NotBlank @Size(max = 200) @PlainText String school,
        @NotBlank @Size(max = 20) @PlainText String handbookVersion,
        @NotNull Boolean policiesConfirmed) {

    /** Trimmed, single-spaced and with a lower-case e-mail, so that the same person compares equal. */
    public RegistrationDetails normalized() {
        return new RegistrationDetails(clean(fullName), email == null ? null : email.trim().toLowerCase(),
                clean(programCode), clean(cohortCode), clean(district), clean(school), clean(handbookVersion),
                policiesConfirmed);
    }

    /** The same details, with the district and school spelled as they are named. */
    RegistrationDetails at(District district, School school) {
        return new RegistrationDetails(fullName, email, programCode, cohortCode, district.name(), school.name(),
                handbookVersion, policiesConfirmed);
    }

    private static String clean(String value) {
        return value == null ? null : value.trim().replaceAll("\\s+", " ");
    }
}
