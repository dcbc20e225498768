package org.palflow.registration;

import java.util.List;

/** The variables of processes/candidate-registration.bpmn that its workers read. */
record RegistrationVariables(long registrationId, List<String> rejectionReasons) {
}
