package org.palflow.platform.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.CamundaClient;
import org.palflow.platform.embedded.EmbeddedZeebeEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedded engine's statistics come from its own records; a cluster's from its search API. */
@Configuration(proxyBeanMethods = false)
class ProcessStatisticsConfiguration {

    @Bean
    ProcessStatistics processStatistics(ObjectProvider<EmbeddedZeebeEngine> embedded, CamundaClient camunda,
            ProcessModels models, java.time.Clock clock, ObjectMapper json) {
        EmbeddedZeebeEngine engine = embedded.getIfAvailable();
        return engine != null ? new EngineRecordStatistics(engine, models, clock, json)
                : new ClusterProcessStatistics(camunda);
    }
}
