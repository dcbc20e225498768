package org.palflow.platform.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers recorded notifications by mail, after the transaction that recorded them has committed and on threads
 * of its own: a job worker or a request never waits for the mail server, and a mail server that is down delays mail
 * without failing the change that caused it. What is not delivered at once (the server refused it, or the app
 * stopped first) is delivered by a later round. A message delivered just before a crash, its delivery not yet
 * recorded, goes out again with the same Message-ID (derived from its dedupe key), which mail clients use to show it
 * once.
 */
@Component
class MailDispatch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MailDispatch.class);
    /** Longer than a delivery takes, so that a round does not pick up what is being delivered right now. */
    private static final Duration LEFT_OVER_AFTER = Duration.ofSeconds(30);
    private static final int ROUND_SIZE = 200;

    private final NotificationRepository notifications;
    private final MailDelivery delivery;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String from;
    /**
     * One session for every message: a new one (or Spring's message helper, which builds a MIME type map each time)
     * searched every jar on the class path for mail providers and MIME types, per message.
     */
    private final Session session = Session.getInstance(new Properties());
    private final ExecutorService deliveries = Executors.newFixedThreadPool(2,
            Thread.ofPlatform().name("mail-delivery-", 1).daemon().factory());

    MailDispatch(NotificationRepository notifications, MailDelivery delivery, TransactionTemplate transaction,
            Clock clock, MailProperties properties) {
        this.notifications = notifications;
        this.delivery = delivery;
        this.transaction = transaction;
        this.clock = clock;
        this.from = properties.from();
    }

    /** Called once the notification's transaction has committed. */
    void deliverSoon(long notificationId) {
        deliveries.execute(() -> deliverOrLeave(notificationId));
    }

    @Scheduled(fixedDelayString = "${pal.mail.redeliver-every:PT30S}", initialDelayString = "PT10S")
    void deliverLeftOver() {
        for (long id : notifications.undeliveredBefore(Instant.now(clock).minus(LEFT_OVER_AFTER),
                Limit.of(ROUND_SIZE))) {
            if (!deliverOrLeave(id)) {
                return; // the server refuses: the next round tries again
            }
        }
    }

    private boolean deliverOrLeave(long notificationId) {
        try {
            transaction.executeWithoutResult(status -> deliver(notificationId));
            return true;
        } catch (RuntimeException e) {
            log.warn("Mail {} not delivered; it is tried again in the next round: {}", notificationId, e.toString());
            return false;
        }
    }

    private void deliver(long notificationId) {
        Notification notification = notifications.lockById(notificationId).orElseThrow();
        if (notification.isDelivered()) {
            return;
        }
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(notification.getRecipient()));
            message.setSubject(notification.getSubject(), "UTF-8");
            message.setText(notification.getBody(), "UTF-8");
            message.setHeader("Message-ID", messageId(notification.getDedupeKey()));
            delivery.deliver(message, notification.getDedupeKey());
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not write the message '" + notification.getSubject() + "'", e);
        }
        notification.delivered(Instant.now(clock));
    }

    private String messageId(String dedupeKey) {
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + UUID.nameUUIDFromBytes(dedupeKey.getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
    }

    @Override
    public void destroy() {
        deliveries.shutdownNow();
    }
}
