package org.palflow.registration;

public enum RegistrationStatus {
    /** Received; the registration process is checking it. */
    SUBMITTED,
    /** Accepted: the candidate is in the program and mentor assignment has started. */
    ACTIVE,
    /** Not accepted, with the reasons; the e-mail address may register again. */
    REJECTED
}
