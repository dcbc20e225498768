package org.palflow.registration;

/** The variables processes/candidate-registration.bpmn starts with. */
record RegistrationVariables(long registrationId) {
}
