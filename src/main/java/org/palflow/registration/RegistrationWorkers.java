package org.palflow.registration;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.Variable;
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
    public Map<String, Object> validateRegistration(@Variable long registrationId) {
        List<String> reasons = registrations.check(registrationId);
        return Map.of("registrationValid", reasons.isEmpty(), "rejectionReasons", reasons);
    }

    @JobWorker(type = "reject-registration")
    public void rejectRegistration(@Variable long registrationId, @Variable List<String> rejectionReasons) {
        registrations.reject(registrationId, rejectionReasons);
    }

    @JobWorker(type = "activate-candidate")
    public void activateCandidate(@Variable long registrationId) {
        registrations.activate(registrationId);
    }

    @JobWorker(type = "send-welcome-notification")
    public void sendWelcomeNotification(@Variable long registrationId) {
        registrations.welcome(registrationId);
    }

    /**
     * Starts mentor assignment by message: Zeebe creates at most one instance per candidate while one is active,
     * and the message id makes a redelivered job publish nothing new.
     */
    @JobWorker(type = "request-mentor-assignment")
    public void requestMentorAssignment(@Variable long registrationId) {
        messages.publishOnce(MENTOR_ASSIGNMENT_REQUESTED, String.valueOf(registrationId),
                MENTOR_ASSIGNMENT_REQUESTED + "-" + registrationId, Map.of("candidateId", registrationId));
    }
}
