package io.camunda.zeebe.process.test.engine;

import com.google.protobuf.GeneratedMessage;
import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.stub.StreamObserver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Assembles the Zeebe Process Test engine on a log and a state store given from outside, so that both can live on
 * disk. It sits in the engine's package because the gateway it serves (gRPC to log, job streaming, responses) is
 * package-private there; everything else is the engine's public API. Verified against Zeebe Process Test 8.8.21
 * only: {@code EmbeddedZeebeEngine.VERIFIED_ENGINE_VERSION}, checked by a test.
 */
public final class DurableEngineAssembly {

    private static final int PARTITION = 1;
    private static final int PARTITION_COUNT = 1;
    private static final int IN_FLIGHT_CAPACITY = 256;

    /**
     * The parts of an assembled engine. {@code engine} is the test-engine view (record stream, clock, idle
     * waits); start the {@code processor} first and the gateways once replay is done, so that no new request is
     * ever answered with the reply meant for a request made before a crash. {@code gateway} listens on the network,
     * {@code localGateway} serves the same gateway to clients in this JVM.
     */
    public record Parts(ZeebeTestEngine engine, StreamProcessor processor, Server gateway, Server localGateway,
            LogStream logStream) {
    }

    private DurableEngineAssembly() {
    }

    public static Parts assemble(int port, LogStorage logStorage, ZeebeDb<ZbColumnFamilies> state,
            ServerBuilder<?> gatewayServer, ServerBuilder<?> localGatewayServer) {
        ControlledActorClock clock = new ControlledActorClock();
        ActorScheduler scheduler = ActorScheduler.newActorScheduler().setActorClock(clock).build();
        scheduler.start();
        LogStream logStream = LogStream.builder().withPartitionId(PARTITION).withLogStorage(logStorage)
                .withClock(clock).withMeterRegistry(new SimpleMeterRegistry())
                // Flow control keeps a ring of the latest appends for its metrics; nothing here reads them, and
                // its default 8,192 slots fill once and then hold about 2 MB of heap for the engine's life.
                .withInFlightCapacity(IN_FLIGHT_CAPACITY).build();

        CommandWriter commandWriter = new CommandWriter(logStream.newLogStreamWriter());
        CommandSender commandSender = new CommandSender(commandWriter);
        WaitingRequests requests = new WaitingRequests();
        InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commandWriter);
        GrpcToLogStreamGateway gateway = new GrpcToLogStreamGateway(commandWriter, PARTITION, PARTITION_COUNT, port,
                requests, jobStreamer);
        Server server = gatewayServer.addService(gateway).build();
        Server localServer = localGatewayServer.addService(gateway).build();

        SecurityConfiguration security = new SecurityConfiguration();
        security.getAuthorizations().setEnabled(false);
        StreamProcessor processor = StreamProcessor.builder()
                .logStream(logStream)
                .zeebeDb(state)
                .commandResponseWriter(new AnswersToWaitingRequests(gateway, requests))
                .partitionCommandSender(commandSender)
                .recordProcessors(List.of(new Engine(context -> EngineProcessors.createEngineProcessors(context,
                        PARTITION_COUNT, new SubscriptionCommandSender(context.getPartitionId(), commandSender),
                        commandSender, FeatureFlags.createDefault(), jobStreamer, SearchClientsProxy.noop(),
                        new BrokerRequestAuthorizationConverter(security)), new EngineConfiguration(), security)))
                .actorSchedulingService(scheduler)
                .clock(new ControllableStreamClockImpl(clock))
                .meterRegistry(new SimpleMeterRegistry())
                .build();

        // The idle monitor listens for commits; it is given a log of its own only because its constructor asks.
        EngineStateMonitor idleMonitor = new EngineStateMonitor(new InMemoryLogStorage(), processor);
        logStorage.addCommitListener(idleMonitor);
        RecordStreamSourceImpl records = new RecordStreamSourceImpl(logStream.newLogStreamReader(), PARTITION);
        ZeebeTestEngine engine = new InMemoryEngine(server, processor, gateway, state, logStream, scheduler, records,
                clock, idleMonitor);
        return new Parts(engine, processor, server, localServer, logStream);
    }

    /**
     * The gateway's requests, and which of them still wait for an answer. A command written to the log just before a
     * crash is processed after the restart, when the request that sent it ended with the old process.
     */
    static final class WaitingRequests extends GatewayRequestStore {

        private final Set<Long> waiting = ConcurrentHashMap.newKeySet();

        @Override
        Long registerNewRequest(Class<? extends GeneratedMessage> requestType, StreamObserver<?> responseObserver) {
            Long id = super.registerNewRequest(requestType, responseObserver);
            waiting.add(id);
            return id;
        }

        @Override
        Request removeRequest(Long id) {
            waiting.remove(id);
            return super.removeRequest(id);
        }

        boolean isWaiting(long id) {
            return waiting.contains(id);
        }
    }

    /**
     * Answers a processed command only when its request is waiting in this process. Left to itself, the test
     * engine's writer fails on an answer with nobody to take it; the engine then logs an error and skips the rest of
     * that command's side effects, the tasks it runs once the command is committed (commands it sends on among them).
     */
    static final class AnswersToWaitingRequests extends GrpcResponseWriter {

        private final WaitingRequests requests;

        AnswersToWaitingRequests(GrpcToLogStreamGateway gateway, WaitingRequests requests) {
            super(gateway, requests, null);
            this.requests = requests;
        }

        @Override
        public void tryWriteResponse(int requestStreamId, long requestId) {
            if (requests.isWaiting(requestId)) {
                super.tryWriteResponse(requestStreamId, requestId);
            }
        }
    }
}
