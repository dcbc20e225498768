package org.palflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** TCP connections on this machine, as the kernel lists them (Linux, as {@code ./pal test} is). */
public final class LocalConnections {

    private static final String ESTABLISHED = "01";
    private static final String TIME_WAIT = "06";

    private LocalConnections() {
    }

    /** Established connections accepted on a local port: one per client connected to the server listening there. */
    public static long acceptedOn(int port) {
        return count(fields -> fields[1].endsWith(hex(port)) && fields[3].equals(ESTABLISHED));
    }

    /** Connections to or from a local port closed a moment ago (the kernel keeps them a minute in TIME_WAIT). */
    public static long closedOn(int port) {
        return count(fields -> (fields[1].endsWith(hex(port)) || fields[2].endsWith(hex(port)))
                && fields[3].equals(TIME_WAIT));
    }

    private static String hex(int port) {
        return String.format(":%04X", port);
    }

    private static long count(Predicate<String[]> matches) {
        long connections = 0;
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                connections += lines.skip(1).map(line -> line.trim().split("\\s+")).filter(matches).count();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + table, e);
            }
        }
        return connections;
    }
}
