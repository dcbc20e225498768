package org.palflow.platform.embedded;

import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe engine the app runs on its embedded default: the Zeebe Process Test engine, which serves a
 * real gRPC gateway that the app's Camunda client talks to like any cluster. Its state lives in memory;
 * {@link org.palflow.platform.process.OpenCaseRecovery} puts every open case back after a restart.
 */
public class EmbeddedZeebeEngine implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);

    private final ZeebeTestEngine engine;

    public EmbeddedZeebeEngine(int port) {
        long started = System.nanoTime();
        this.engine = EngineFactory.create(port);
        engine.start();
        // The engine reports 0.0.0.0, but LoopbackGrpcServerProvider bound the gateway to loopback.
        log.info("Embedded Zeebe engine: gRPC gateway on 127.0.0.1:{} (started in {} ms)", port,
                (System.nanoTime() - started) / 1_000_000);
    }

    /** The engine itself, for process tests that read its record stream or move its clock. */
    public ZeebeTestEngine engine() {
        return engine;
    }

    @Override
    public void close() {
        engine.stop();
    }
}
