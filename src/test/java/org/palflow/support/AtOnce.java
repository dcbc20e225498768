package org.palflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Requests sent from several threads released together, as a double click or a client retrying at once sends them. */
public final class AtOnce {

    private AtOnce() {
    }

    /** The answers of {@code times} requests, the i-th made by {@code request.apply(i)}, in that order. */
    public static <T> List<T> send(int times, IntFunction<Callable<T>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(times)) {
            for (int i = 0; i < times; i++) {
                Callable<T> one = request.apply(i);
                answers.add(threads.submit(() -> {
                    start.await();
                    return one.call();
                }));
            }
            start.countDown();
        }
        List<T> results = new ArrayList<>();
        for (Future<T> answer : answers) {
            results.add(answer.get());
        }
        return results;
    }
}
