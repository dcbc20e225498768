package org.palflow.platform.embedded;

import io.camunda.client.CamundaClient;
import io.camunda.client.CamundaClientConfiguration;
import io.camunda.client.impl.CamundaClientImpl;
import io.camunda.client.impl.util.ExecutorResource;
import io.grpc.ManagedChannel;
import java.net.URI;
import java.time.Duration;
import org.springframework.util.unit.DataSize;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.palflow.platform.PlatformProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded engine and database when {@link EmbeddedDefaults} chose them, and makes the
 * Camunda client and the data source wait for them.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedInfrastructureConfiguration {

    static final String ENGINE_BEAN = "embeddedZeebeEngine";
    static final String DATABASE_BEAN = "embeddedDatabase";
    static final String CLIENT_BEAN = "camundaClient";
    static final String LOCAL_CLIENT_BEAN = "localCamundaClient";

    @Bean(ENGINE_BEAN)
    @ConditionalOnProperty(name = EmbeddedDefaults.ZEEBE_EMBEDDED, havingValue = "true")
    EmbeddedZeebeEngine embeddedZeebeEngine(@Value("${camunda.client.grpc-address}") URI clientAddress,
            PlatformProperties properties,
            @Value("${pal.zeebe.embedded.snapshot-every:PT5M}") Duration snapshotEvery,
            @Value("${pal.zeebe.embedded.segment-size:64MB}") DataSize segmentSize,
            @Value("${pal.zeebe.embedded.state-memory:64MB}") DataSize stateMemory) {
        // Listen exactly where the client will connect, whatever set the address.
        return new EmbeddedZeebeEngine(clientAddress.getPort(), properties.dataDir(),
                new EmbeddedZeebeEngine.Settings(snapshotEvery, segmentSize.toBytes(), stateMemory.toBytes()));
    }

    /**
     * The app's client on the embedded engine: configured as the Camunda starter would (workers, JSON, executors),
     * but connected in-process. In the lifecycle benchmark the gRPC channel over loopback (Netty's event loops,
     * HTTP/2 frames, the hand-offs between their threads) took 8% of the app's CPU samples.
     */
    @Bean(name = LOCAL_CLIENT_BEAN, destroyMethod = "close")
    @ConditionalOnProperty(name = EmbeddedDefaults.ZEEBE_EMBEDDED, havingValue = "true")
    CamundaClient localCamundaClient(CamundaClientConfiguration configuration, EmbeddedZeebeEngine engine) {
        ManagedChannel channel = engine.openLocalChannel();
        return new CamundaClientImpl(configuration, channel, CamundaClientImpl.buildGatewayStub(channel, configuration),
                new ExecutorResource(configuration.jobWorkerExecutor(), configuration.ownsJobWorkerExecutor()));
    }

    @Bean(DATABASE_BEAN)
    @ConditionalOnProperty(name = EmbeddedDefaults.DATABASE_EMBEDDED, havingValue = "true")
    EmbeddedDatabase embeddedDatabase(PlatformProperties properties,
            @Value("${" + EmbeddedDefaults.DATABASE_PORT + "}") int port,
            @Value("${" + EmbeddedDefaults.DATABASE_STATEMENT_STATISTICS + ":false}") boolean statementStatistics) {
        return new EmbeddedDatabase(properties.dataDir(), port, statementStatistics);
    }

    /** The starter defines its client whatever else does; on the embedded default the local one takes its name. */
    @Bean
    static BeanDefinitionRegistryPostProcessor localClientInsteadOfTheStartersOne() {
        return registry -> {
            if (registry.containsBeanDefinition(LOCAL_CLIENT_BEAN) && registry.containsBeanDefinition(CLIENT_BEAN)) {
                registry.removeBeanDefinition(CLIENT_BEAN);
                registry.registerAlias(LOCAL_CLIENT_BEAN, CLIENT_BEAN);
            }
        };
    }

    @Bean
    static BeanFactoryPostProcessor embeddedServicesStartFirst() {
        return beanFactory -> {
            dependOn(beanFactory, CLIENT_BEAN, ENGINE_BEAN);
            dependOn(beanFactory, "dataSource", DATABASE_BEAN);
        };
    }

    private static void dependOn(ConfigurableListableBeanFactory beanFactory, String bean, String dependency) {
        if (!beanFactory.containsBeanDefinition(bean) || !beanFactory.containsBeanDefinition(dependency)) {
            return;
        }
        BeanDefinition definition = beanFactory.getBeanDefinition(bean);
        String[] existing = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
        String[] dependsOn = java.util.Arrays.copyOf(existing, existing.length + 1);
        dependsOn[existing.length] = dependency;
        definition.setDependsOn(dependsOn);
    }
}
