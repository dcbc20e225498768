package org.palflow.support;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Makes the engine unreachable for the app's own client, on cue: while it lasts, every command that hands a
 * change to the engine (start an instance, publish a message, resolve an incident) fails as a lost connection
 * does, before it reaches the gateway. Job workers keep running, as they would against a cluster whose gateway
 * refuses only some calls.
 */
public final class EngineOutage implements ClientInterceptor {

    private static final Set<String> HAND_OFFS = Set.of("CreateProcessInstance", "PublishMessage",
            "UpdateJobRetries", "ResolveIncident");

    private volatile boolean down;
    private final AtomicInteger refused = new AtomicInteger();

    public void begin() {
        refused.set(0);
        down = true;
    }

    public void end() {
        down = false;
    }

    /** How many hand-offs were refused since the outage began: proof the outage was in the way. */
    public int refused() {
        return refused.get();
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (!down || !HAND_OFFS.contains(method.getBareMethodName())) {
            return next.newCall(method, options);
        }
        refused.incrementAndGet();
        return new ClientCall<>() {
            @Override
            public void start(Listener<R> listener, Metadata headers) {
                listener.onClose(Status.UNAVAILABLE.withDescription("engine unreachable (test outage)"), new Metadata());
            }

            @Override
            public void request(int numMessages) {
            }

            @Override
            public void cancel(String message, Throwable cause) {
            }

            @Override
            public void halfClose() {
            }

            @Override
            public void sendMessage(Q message) {
            }
        };
    }
}
