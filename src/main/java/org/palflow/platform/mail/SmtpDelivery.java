package org.palflow.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Sends through SMTP connections kept open between messages. Connecting for each message (greeting, EHLO, and QUIT
 * after it) made a report date's burst of mail arrive at about 40 messages a second against a local server; a
 * connection is now taken for a message and given back, and one idle longer than a server would keep it is closed.
 * A message that fails on a kept connection (the server may have dropped it meanwhile) is sent once more on a new
 * one: should the first attempt have reached the server after all, the copy has the same Message-ID.
 */
final class SmtpDelivery implements MailDelivery, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SmtpDelivery.class);

    private final JavaMailSenderImpl server;
    private final long idleLimitNanos;
    /** Open connections not in use, the most recently used first, so that spare ones age and are closed. */
    private final Deque<Idle> idle = new ConcurrentLinkedDeque<>();

    private record Idle(Transport transport, long since) {
    }

    SmtpDelivery(JavaMailSenderImpl server, Duration idleLimit) {
        this.server = server;
        this.idleLimitNanos = idleLimit.toNanos();
    }

    @Override
    public void deliver(MimeMessage message, String dedupeKey) throws MessagingException {
        closeStale();
        prepare(message);
        Idle kept = idle.pollFirst();
        Transport transport = kept != null ? kept.transport() : connect();
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            close(transport);
            if (kept == null) {
                throw e;
            }
            log.debug("A kept SMTP connection failed ({}); sending on a new one", e.toString());
            transport = connect();
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException again) {
                close(transport);
                throw again;
            }
        }
        idle.addFirst(new Idle(transport, System.nanoTime()));
    }

    /** As {@link JavaMailSenderImpl} does: dated, headers brought up to date, the Message-ID set by the caller kept. */
    private static void prepare(MimeMessage message) throws MessagingException {
        if (message.getSentDate() == null) {
            message.setSentDate(new Date());
        }
        String messageId = message.getMessageID();
        message.saveChanges();
        if (messageId != null) {
            message.setHeader("Message-ID", messageId);
        }
    }

    private Transport connect() throws MessagingException {
        Transport transport = server.getSession().getTransport(
                Objects.requireNonNullElse(server.getProtocol(), JavaMailSenderImpl.DEFAULT_PROTOCOL));
        boolean anonymous = server.getUsername() == null || server.getUsername().isEmpty();
        transport.connect(server.getHost(), server.getPort(), anonymous ? null : server.getUsername(),
                anonymous ? null : server.getPassword());
        return transport;
    }

    private void closeStale() {
        long now = System.nanoTime();
        Idle oldest;
        while ((oldest = idle.peekLast()) != null && now - oldest.since() > idleLimitNanos) {
            if (idle.removeLastOccurrence(oldest)) {
                close(oldest.transport());
            }
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("Closing an SMTP connection failed", e);
        }
    }

    @Override
    public void destroy() {
        Idle connection;
        while ((connection = idle.pollFirst()) != null) {
            close(connection.transport());
        }
    }
}
