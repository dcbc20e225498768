package org.palflow.registration;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.util.List;
import java.util.Map;
import org.palflow.platform.process.ProcessMessages;
import org.springframework.stereotype.Component;

/** The job workers of processes/candidate-registration.bpmn; each maps variables and calls the service. */
@Component
public class RegistrationWorkers {

    static final String MENTOR_ASSIGNMENT_REQUESTED = "mentor-assignment-requested";

    private final RegistrationService registrations;
    private final ProcessMessages messages;

    RegistrationWorkers(RegistrationService registrations, ProcessMessages messages) {
        this.registrations = registrations;
        this.messages = messages;
    }

    @JobWorker(type = "validate-registration")
    public Map<String, Object> validateRegistration(@VariablesAsType RegistrationVariables process) {
        List<String> reasons = registrations.check(process.registrationId());
        return Map.of("registrationValid", reasons.isEmpty(), "rejectionReasons", reasons);
    }

    @JobWorker(type = "reject-registration")
    public void rejectRegistration(@VariablesAsType RegistrationVariables process) {
        registrations.reject(process.registrationId(), process.rejectionReasons());
    }

    @JobWorker(type = "activate-candidate")
    public void activateCandidate(@VariablesAsType RegistrationVariables process) {
        registrations.activate(process.registrationId());
    }

    @JobWorker(type = "send-welcome-notification")
    public void sendWelcomeNotification(@VariablesAsType RegistrationVariables process) {
        registrations.welcome(process.registrationId());
    }

    /**
     * Starts mentor assignment by message: Zeebe creates at most one instance per candidate while one is active,
     * and the message id makes a redelivered job publish nothing new.
     */
    @JobWorker(type = "request-mentor-assignment")
    public void requestMentorAssignment(@VariablesAsType RegistrationVariables process) {
        messages.publishOnce(MENTOR_ASSIGNMENT_REQUESTED, String.valueOf(process.registrationId()),
                MENTOR_ASSIGNMENT_REQUESTED + "-" + process.registrationId(), Map.of("candidateId", process.registrationId()));
    }
}
