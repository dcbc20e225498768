package org.palflow.platform.process;

import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * The app's asynchronous methods are the listeners that hand events to the engine. One that fails leaves its event
 * publication incomplete and {@link EngineCatchUp} delivers it again, so a failure is a warning, not an error:
 * while the engine is unreachable every hand-off fails, and a stack trace for each would drown the log.
 */
@Configuration(proxyBeanMethods = false)
class HandOffFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HandOffFailures.class);

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, listener, event) -> log.warn("{} did not reach the engine ({}); it will be tried again",
                Arrays.toString(event), failure.toString());
    }
}
