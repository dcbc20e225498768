package org.palflow.registration;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What a person registering tells us; the same fields arrive as JSON or as one row of a cohort CSV. */
public record RegistrationDetails(
        @NotBlank @Size(max = 200) String fullName,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 40) String programCode,
        @NotBlank @Size(max = 40) String cohortCode,
        @NotBlank @Size(max = 200) String district,
        @NotBlank @Size(max = 200) String school,
        @NotBlank @Size(max = 20) String handbookVersion,
        @NotNull Boolean policiesConfirmed) {

    /** Trimmed, single-spaced and with a lower-case e-mail, so that the same person compares equal. */
    public RegistrationDetails normalized() {
        return new RegistrationDetails(clean(fullName), email == null ? null : email.trim().toLowerCase(),
                clean(programCode), clean(cohortCode), clean(district), clean(school), clean(handbookVersion),
                policiesConfirmed);
    }

    private static String clean(String value) {
        return value == null ? null : value.trim().replaceAll("\\s+", " ");
    }
}
