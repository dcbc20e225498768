package org.palflow.platform.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.CamundaClient;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
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
    void theAppsClientUsesNoSocketWhileOthersStillConnectToTheGateway() throws IOException {
        // The app's job workers hold their job streams open all the time: over the network, that is a connection.
        assertThat(client.newTopologyRequest().send().join().getBrokers()).hasSize(1);
        assertThat(connectionsTo(gateway.getPort())).isZero();

        try (CamundaClient other = CamundaClient.newClientBuilder().grpcAddress(gateway).preferRestOverGrpc(false)
                .build()) {
            assertThat(other.newTopologyRequest().send().join().getBrokers()).hasSize(1);
            assertThat(connectionsTo(gateway.getPort())).isEqualTo(1);
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

    /** Established connections accepted on a local port, as the kernel lists them. */
    private static long connectionsTo(int port) throws IOException {
        String localPort = String.format(":%04X", port);
        long connections = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                connections += lines.skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(fields -> fields[1].endsWith(localPort) && fields[3].equals("01")).count();
            }
        }
        return connections;
    }
}
