package org.palflow.registration;

/** A new registration was stored; its candidate-registration process is owed. */
public record RegistrationSubmitted(long registrationId) {
}
