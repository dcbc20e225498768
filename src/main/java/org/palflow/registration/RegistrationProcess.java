package org.palflow.registration;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.palflow.platform.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts the candidate-registration process for a stored registration. Called only after the registration is
 * committed, so the first job always finds its row; a registration whose start failed keeps no instance key
 * and is started again by a retried request or by the start-up recovery.
 */
@Component
public class RegistrationProcess {

    static final String PROCESS_ID = "candidate-registration";

    private static final Logger log = LoggerFactory.getLogger(RegistrationProcess.class);

    private final CamundaClient camunda;
    private final RegistrationService registrations;

    RegistrationProcess(CamundaClient camunda, RegistrationService registrations) {
        this.camunda = camunda;
        this.registrations = registrations;
    }

    public void start(Registration registration) {
        if (registration.getProcessInstanceKey() != null) {
            return;
        }
        long key;
        try {
            key = camunda.newCreateInstanceCommand()
                    .bpmnProcessId(PROCESS_ID)
                    .latestVersion()
                    .variables(Map.of("registrationId", registration.getId()))
                    .send()
                    .join()
                    .getProcessInstanceKey();
        } catch (RuntimeException e) {
            log.warn("Registration {} is stored but its process did not start", registration.getId(), e);
            throw ApiProblem.engineUnavailable("Registration " + registration.getId()
                    + " is saved, but the process engine did not answer. Send the same request again to continue.");
        }
        registrations.recordProcessInstance(registration.getId(), key);
    }
}
