package org.palflow.platform.process;

import io.camunda.client.CamundaClient;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The embedded engine keeps its state in memory, while the database keeps every case. On start-up this puts
 * each open case back into the engine at the step the database says it is at (Zeebe start instructions).
 * A real cluster keeps its own state, so this runs on the embedded default only.
 */
@Component
@ConditionalOnProperty(name = "pal.zeebe.embedded", havingValue = "true")
class OpenCaseRecovery {

    private static final Logger log = LoggerFactory.getLogger(OpenCaseRecovery.class);

    private final CamundaClient camunda;
    private final List<OpenCases> features;

    OpenCaseRecovery(CamundaClient camunda, List<OpenCases> features) {
        this.camunda = camunda;
        this.features = features;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void resumeOpenCases() {
        int resumed = 0;
        for (OpenCases feature : features) {
            for (ResumePoint point : feature.resumePoints()) {
                var command = camunda.newCreateInstanceCommand()
                        .bpmnProcessId(point.bpmnProcessId())
                        .latestVersion()
                        .variables(point.variables());
                for (String elementId : point.elementIds()) {
                    command = command.startBeforeElement(elementId);
                }
                command.send().join();
                resumed++;
            }
        }
        if (resumed > 0) {
            log.info("Resumed {} open case(s) in the embedded engine", resumed);
        }
    }
}
