package org.palflow.platform.embedded;

import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.process.test.engine.DurableEngineAssembly;
import io.camunda.zeebe.process.test.engine.EngineFactory;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import io.grpc.ManagedChannel;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * The Zeebe engine the app runs on its embedded default, durable the way a broker is: its log is on disk
 * ({@link FileLogStorage}), its state is in RocksDB, a snapshot of the state is taken periodically, and the log
 * below the latest snapshot is deleted. A start (after a stop or a crash) opens the state of the latest snapshot
 * and replays only the log that follows it. Its gRPC gateway listens on loopback, as a cluster's does, for clients
 * in other processes (a second app instance, tools); clients in this JVM reach the same gateway through an
 * in-process channel ({@link #openLocalChannel()}), which hands request and response objects over as they are
 * instead of encoding them into HTTP/2 frames on a socket and decoding them on the other side.
 *
 * <p>Layout under {@code <data-dir>/zeebe}: {@code log/} (segments), {@code snapshots/<position>/} (the latest
 * state snapshot, named by the last position it had processed) and {@code runtime/} (the working state, rebuilt
 * from the snapshot at every start, since it may hold effects the log never made durable).
 */
public class EmbeddedZeebeEngine implements AutoCloseable {

    /** The Zeebe Process Test version whose internals this was built and crash-tested against. */
    public static final String VERIFIED_ENGINE_VERSION = "8.8.21";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedZeebeEngine.class);
    private static final Duration GATEWAY_WAITS_FOR_REPLAY = Duration.ofMinutes(10);

    /**
     * Something that reads the engine's records for its own purposes (the process dashboard, incidents) and keeps
     * what it learns on disk. The log is kept from the lowest position such a reader still needs.
     */
    public interface RecordReader {

        /** Reads the records written since the last call, persists what it keeps; returns the position taken in. */
        long readAndPersist();
    }

    private final Path home;
    private final FileLogStorage logStorage;
    private final ZeebeDb<ZbColumnFamilies> state;
    private final DurableEngineAssembly.Parts parts;
    private final List<RecordReader> readers = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService snapshots = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "zeebe-snapshots");
        thread.setDaemon(true);
        return thread;
    });
    private final String localGatewayName = "embedded-zeebe-" + UUID.randomUUID();
    private volatile long snapshotPosition;

    public EmbeddedZeebeEngine(int port, Path dataDir, Settings settings) {
        long started = System.nanoTime();
        warnIfUnverified();
        this.home = dataDir.toAbsolutePath().normalize().resolve("zeebe");
        this.logStorage = new FileLogStorage(home.resolve("log"), settings.segmentSize());
        this.snapshotPosition = restoreLatestSnapshot();
        ZeebeRocksDbFactory<ZbColumnFamilies> rocksDb = new ZeebeRocksDbFactory<>(
                new RocksDbConfiguration().setMemoryLimit(settings.stateMemory()),
                new ConsistencyChecksSettings(false, false),
                new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, 1), SimpleMeterRegistry::new);
        this.state = rocksDb.createDb(home.resolve("runtime").toFile());
        this.parts = DurableEngineAssembly.assemble(port, logStorage, state,
                NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), port)),
                // Requests are handled on the gateway's own threads, as over the network, never on the caller's: the
                // log is a FileChannel, which an interrupt closes for good if it reaches a thread writing to it.
                InProcessServerBuilder.forName(localGatewayName));
        try {
            parts.processor().openAsync(false).join();
            awaitReplay();
            startGateways(port);
        } catch (RuntimeException e) {
            // The engine's threads are not daemons: left running, they would keep the JVM of a failed start alive.
            try {
                parts.engine().stop();
                logStorage.close();
            } catch (RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            throw e;
        }
        long every = settings.snapshotEvery().toMillis();
        snapshots.scheduleWithFixedDelay(this::snapshotQuietly, every, every, TimeUnit.MILLISECONDS);
        log.info("Embedded Zeebe engine: gRPC gateway on 127.0.0.1:{}, log and state in {} (log {}..{}, snapshot at "
                + "{}; ready in {} ms)", port, home, logStorage.lowestPosition(), logStorage.highestPosition(),
                snapshotPosition, (System.nanoTime() - started) / 1_000_000);
    }

    private void startGateways(int port) {
        try {
            parts.gateway().start();
            parts.localGateway().start();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded engine's gateway could not listen on port " + port, e);
        }
    }

    /**
     * @param snapshotEvery how often the state is snapshotted and the log below it deleted
     * @param segmentSize the size of a log file; only whole files are deleted
     * @param stateMemory what RocksDB may use for its caches and write buffers
     */
    public record Settings(Duration snapshotEvery, long segmentSize, long stateMemory) {
    }

    /** The engine itself, for process tests that read its record stream or move its clock. */
    public ZeebeTestEngine engine() {
        return parts.engine();
    }

    /**
     * A channel to the gateway for a client in this JVM; the client owns it and shuts it down. Answers reach the
     * client on the channel's own threads, never on the engine's.
     */
    public ManagedChannel openLocalChannel() {
        return InProcessChannelBuilder.forName(localGatewayName).build();
    }

    /** Where the engine keeps its files; readers keep theirs here too, so that one folder is the engine's. */
    public Path dataFolder() {
        return home;
    }

    /** Registers a reader: it is asked to catch up before every snapshot, and the log is kept from its position. */
    public void register(RecordReader reader) {
        readers.add(reader);
    }

    /** Hands each record after {@code position} to the consumer, in order, and returns the last position read. */
    public long readAfter(long position, Consumer<Record<?>> consumer) {
        long last = position;
        try (LogStreamReader reader = parts.logStream().newLogStreamReader()) {
            if (position < 0) {
                reader.seekToFirstEvent();
            } else {
                reader.seekToNextEvent(position);
            }
            while (reader.hasNext()) {
                LoggedEvent event = reader.next();
                if (event.getPosition() <= position) {
                    continue;
                }
                consumer.accept(record(event));
                last = event.getPosition();
            }
        }
        return last;
    }

    private static Record<?> record(LoggedEvent event) {
        RecordMetadata metadata = new RecordMetadata();
        event.readMetadata(metadata);
        // Only the one value type read: allRecordsMap() builds one of each of the sixty-odd types on every call.
        UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
        event.readValue(value);
        return new CopiedRecord<>(value, metadata, event.getKey(), 1, event.getPosition(),
                event.getSourceEventPosition(), event.getTimestamp());
    }

    /** What is on disk now, for benchmarks and the README's figures. */
    public record DiskUse(long logBytes, long snapshotBytes, long lowestPosition) {
    }

    public DiskUse diskUse() {
        return new DiskUse(logStorage.sizeOnDisk(), sizeOf(home.resolve("snapshots")), logStorage.lowestPosition());
    }

    /**
     * Takes a snapshot of the state now and deletes the log below what the snapshot and every reader no longer
     * need. Runs on its own schedule; tests and benchmarks call it to make the moment certain.
     */
    public synchronized void snapshot() {
        long readersNeed = Long.MAX_VALUE;
        for (RecordReader reader : readers) {
            readersNeed = Math.min(readersNeed, reader.readAndPersist());
        }
        long processed = parts.processor().getLastProcessedPositionAsync().join();
        if (processed > snapshotPosition) {
            Path directory = home.resolve("snapshots");
            Path pending = directory.resolve("pending");
            try {
                FileSystemUtils.deleteRecursively(pending);
                Files.createDirectories(directory);
                state.createSnapshot(pending.toFile());
                // The snapshot may hold the effects of records still on their way to the log; it is valid only
                // once they are on disk, or a crash would leave a state that the log cannot explain.
                long written = parts.processor().getLastWrittenPositionAsync().join();
                awaitOnDisk(written);
                Files.move(pending, directory.resolve(String.format("%020d", processed)),
                        StandardCopyOption.ATOMIC_MOVE);
                long previous = snapshotPosition;
                snapshotPosition = processed;
                for (Path old : snapshotsIn(directory)) {
                    if (position(old) < processed) {
                        FileSystemUtils.deleteRecursively(old);
                    }
                }
                log.debug("Engine snapshot at position {} (previous {})", processed, previous);
            } catch (IOException e) {
                throw new UncheckedIOException("The engine's state snapshot could not be written", e);
            }
        }
        int deleted = logStorage.compactBelow(Math.min(snapshotPosition, readersNeed));
        if (deleted > 0) {
            log.debug("Deleted {} log segment(s) below position {}", deleted, Math.min(snapshotPosition, readersNeed));
        }
    }

    private void snapshotQuietly() {
        try {
            snapshot();
        } catch (RuntimeException e) {
            log.warn("The engine's periodic snapshot failed; the log is kept until the next one succeeds", e);
        }
    }

    private void awaitOnDisk(long position) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (logStorage.highestPosition() < position) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The engine's log did not reach position " + position);
            }
            sleep(Duration.ofMillis(2));
        }
    }

    /** Puts the latest snapshot in place as the working state; returns its position, 0 if there is none. */
    private long restoreLatestSnapshot() {
        Path directory = home.resolve("snapshots");
        Path runtime = home.resolve("runtime");
        try {
            FileSystemUtils.deleteRecursively(runtime);
            FileSystemUtils.deleteRecursively(directory.resolve("pending"));
            Optional<Path> latest = snapshotsIn(directory).stream().max(Comparator.comparingLong(
                    EmbeddedZeebeEngine::position));
            if (latest.isEmpty()) {
                return 0;
            }
            // Copies, not links: RocksDB appends to some files of the state it opens.
            FileSystemUtils.copyRecursively(latest.get(), runtime);
            return position(latest.get());
        } catch (IOException e) {
            throw new UncheckedIOException("The engine's state could not be restored from " + directory, e);
        }
    }

    private static List<Path> snapshotsIn(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> listing = Files.list(directory)) {
            return listing.filter(path -> path.getFileName().toString().matches("\\d{20}")).toList();
        }
    }

    private static long position(Path snapshot) {
        return Long.parseLong(snapshot.getFileName().toString());
    }

    /** Opens the gateway only once the log is processed to its end: see {@link DurableEngineAssembly.Parts}. */
    private void awaitReplay() {
        long deadline = System.nanoTime() + GATEWAY_WAITS_FOR_REPLAY.toNanos();
        while (!parts.processor().hasProcessingReachedTheEnd().join()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The embedded engine did not finish replaying its log in "
                        + GATEWAY_WAITS_FOR_REPLAY);
            }
            sleep(Duration.ofMillis(10));
        }
    }

    private static void warnIfUnverified() {
        String version = EngineFactory.class.getPackage().getImplementationVersion();
        if (!VERIFIED_ENGINE_VERSION.equals(version)) {
            log.warn("The embedded engine is Zeebe Process Test {}, but its durable wiring was verified against {} "
                    + "only: re-run the crash suite before relying on it", version, VERIFIED_ENGINE_VERSION);
        }
    }

    private static long sizeOf(Path directory) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the embedded engine", e);
        }
    }

    /** Takes a last snapshot, so that the next start replays nothing, then stops. */
    @Override
    public void close() {
        // Not shutdownNow: a snapshot under way is let finish, and the one below waits for it (they are synchronized).
        snapshots.shutdown();
        try {
            snapshot();
        } catch (RuntimeException e) {
            log.warn("No final snapshot of the engine's state; the next start replays the log after the last one", e);
        }
        parts.localGateway().shutdownNow();
        parts.engine().stop();
        logStorage.close();
    }
}
