package org.palflow.platform.process;

import java.util.Arrays;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * The app's asynchronous methods are the listeners that hand events to the engine. One that fails leaves its event
 * publication incomplete and {@link EngineCatchUp} delivers it again, so a failure is a warning, not an error:
 * while the engine is unreachable every hand-off fails, and a stack trace for each would drown the log.
 * <p>
 * They run on Spring Boot's application task executor (eight threads, the rest queued). Without naming it here,
 * an {@code AsyncConfigurer} left Spring to start a new thread for every hand-off: about 6,000 threads in three
 * minutes of the lifecycle benchmark, and a thousand at once after a cohort import.
 */
@Configuration(proxyBeanMethods = false)
class HandOffFailures implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(HandOffFailures.class);

    private final Executor applicationTaskExecutor;

    HandOffFailures(@Qualifier(TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME)
            Executor applicationTaskExecutor) {
        this.applicationTaskExecutor = applicationTaskExecutor;
    }

    @Override
    public Executor getAsyncExecutor() {
        return applicationTaskExecutor;
    }

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return (failure, listener, event) -> log.warn("{} did not reach the engine ({}); it will be tried again",
                Arrays.toString(event), failure.toString());
    }
}
