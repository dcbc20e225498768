package org.palflow.registration;

import io.camunda.client.CamundaClient;
import java.util.Map;
import org.palflow.platform.process.EngineHandOff;
import org.springframework.stereotype.Component;

/**
 * Starts the candidate-registration process for each stored registration, once: the event is stored with the
 * registration, and a start already recorded is not made again when the event is delivered a second time.
 */
@Component
class RegistrationProcess {

    static final String PROCESS_ID = "candidate-registration";

    private final CamundaClient camunda;
    private final RegistrationService registrations;

    RegistrationProcess(CamundaClient camunda, RegistrationService registrations) {
        this.camunda = camunda;
        this.registrations = registrations;
    }

    @EngineHandOff
    void start(RegistrationSubmitted submitted) {
        long registrationId = submitted.registrationId();
        if (registrations.processStarted(registrationId)) {
            return;
        }
        long key = camunda.newCreateInstanceCommand()
                .bpmnProcessId(PROCESS_ID)
                .latestVersion()
                .variables(Map.of("registrationId", registrationId))
                .send()
                .join()
                .getProcessInstanceKey();
        registrations.recordProcessInstance(registrationId, key);
    }
}
