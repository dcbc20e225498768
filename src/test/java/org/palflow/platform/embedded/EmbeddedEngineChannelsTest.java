package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.palflow.support.LocalConnections;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** The app's own client reaches the embedded engine in-process; other processes still connect over loopback. */
class EmbeddedEngineChannelsTest extends PalFlowTest {

    @Autowired
    private CamundaClient client;

    @Value("${camunda.client.grpc-address}")
    private URI gateway;

    @Test
    void theAppsClientUsesNoSocketWhileOthersStillConnectToTheGateway() {
        // The app's job workers hold their job streams open all the time: over the network, that is a connection.
        assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
        assertThat(LocalConnections.acceptedOn(gateway.getPort())).isZero();

        try (CamundaClient other = CamundaClient.newClientBuilder().grpcAddress(gateway).preferRestOverGrpc(false)
                .build()) {
            assertThat(other.newTopologyRequest().send().join().getBrokers()).hasSize(1);
            assertThat(LocalConnections.acceptedOn(gateway.getPort())).isEqualTo(1);
        }
    }

    @Test
    void aCallerInterruptedWhileItsCommandGoesInLeavesTheEngineWriting() {
        // A first command readies the channel, so that the next one is handed to the gateway at once.
        assertThat(client.newPublishMessageCommand().messageName("sent-before").correlationKey("0").send().join()
                .getMessageKey()).isPositive();
        // As a worker thread is when the app stops: had the gateway written this command to the log on this very
        // thread, the interrupt would have closed the log's file, and the engine could write nothing more.
        Thread.currentThread().interrupt();
        try {
            client.newPublishMessageCommand().messageName("sent-while-interrupted").correlationKey("1").send().join();
        } catch (RuntimeException answeredWithAnError) {
            // Whatever became of this one, the next must go through.
        } finally {
            Thread.interrupted();
        }

        assertThat(client.newPublishMessageCommand().messageName("sent-after").correlationKey("2").send().join()
                .getMessageKey()).isPositive();
    }
}
