package org.palflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** One real SMTP server (GreenMail) for the whole test run, shared by every application context. */
public final class TestMail {

    private static final GreenMail SERVER = start();

    private TestMail() {
    }

    private static GreenMail start() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    public static int port() {
        return SERVER.getSmtp().getPort();
    }

    /** Messages received so far for one address. */
    public static List<MimeMessage> to(String address) {
        return Arrays.stream(SERVER.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    public static List<String> subjectsTo(String address) {
        return subjects(to(address));
    }

    /**
     * Waits until messages with each of the subjects have reached one address (mail goes out after the change
     * that caused it has committed, on a thread of its own), then returns every subject sent there.
     */
    public static List<String> awaitSubjectsTo(String address, String... expected) {
        return awaitSubjectsTo(Duration.ofSeconds(30), address, expected);
    }

    /** The same, for mail that may queue behind much other mail. */
    public static List<String> awaitSubjectsTo(Duration within, String address, String... expected) {
        return await(within, () -> subjectsTo(address), subjects -> subjects.containsAll(List.of(expected)),
                subjects -> "No mail " + List.of(expected) + " to " + address + " within " + within.toSeconds()
                        + " s; it had " + subjects);
    }

    /** Waits until at least {@code count} messages have reached one address. */
    public static void awaitCount(String address, int count, Duration within) {
        await(within, () -> to(address).size(), received -> received >= count,
                received -> "Only " + received + " of " + count + " messages to " + address + " within "
                        + within.toSeconds() + " s");
    }

    private static <T> T await(Duration within, Supplier<T> read, Predicate<T> done, Function<T, String> failure) {
        long deadline = System.nanoTime() + within.toNanos();
        T seen = read.get();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.apply(seen));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            seen = read.get();
        }
        return seen;
    }

    /**
     * The subjects a mail client shows one address: copies of a message sent again (same Message-ID, after a crash
     * cut its delivery short) count once.
     */
    public static List<String> subjectsShownTo(String address) {
        Map<String, MimeMessage> byMessageId = new LinkedHashMap<>();
        for (MimeMessage message : to(address)) {
            try {
                byMessageId.putIfAbsent(message.getMessageID(), message);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return subjects(List.copyOf(byMessageId.values()));
    }

    /** The bodies of the messages to one address with one subject, in the order received. */
    public static List<String> bodiesTo(String address, String subject) {
        return to(address).stream().filter(message -> subject.equals(subjects(List.of(message)).getFirst()))
                .map(message -> {
                    try {
                        return String.valueOf(message.getContent()).strip();
                    } catch (jakarta.mail.MessagingException | java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
    }

    private static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(message -> {
            try {
                return message.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
