package org.palflow.platform.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Publishes process messages so that publishing the same one twice is harmless. */
@Component
public class ProcessMessages {

    /** Long enough to absorb retries by clients and redelivered jobs. */
    private static final Duration TIME_TO_LIVE = Duration.ofHours(1);

    private final CamundaClient camunda;

    ProcessMessages(CamundaClient camunda) {
        this.camunda = camunda;
    }

    /**
     * Zeebe refuses a second message with the same id while the first is buffered; for us that means the
     * message is already out, which is the outcome we want.
     */
    public void publishOnce(String name, String correlationKey, String messageId, Map<String, Object> variables) {
        try {
            camunda.newPublishMessageCommand()
                    .messageName(name)
                    .correlationKey(correlationKey)
                    .messageId(messageId)
                    .timeToLive(TIME_TO_LIVE)
                    .variables(variables)
                    .send()
                    .join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() != Status.Code.ALREADY_EXISTS) {
                throw e;
            }
        }
    }
}
