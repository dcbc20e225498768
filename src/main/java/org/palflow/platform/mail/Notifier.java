package org.palflow.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends a notification once per dedupe key: job workers are redelivered, people should not be mailed twice.
 * The record and the delivery share a transaction, so a failed delivery leaves no record and is retried.
 * A crash after the server took the message but before the record was committed sends it again: the copy carries
 * the same Message-ID (derived from the key), which mail clients use to show it once.
 */
@Service
public class Notifier {

    private final NotificationRepository notifications;
    private final MailDelivery delivery;
    private final Clock clock;
    private final String from;

    Notifier(NotificationRepository notifications, MailDelivery delivery, Clock clock, MailProperties properties) {
        this.notifications = notifications;
        this.delivery = delivery;
        this.clock = clock;
        this.from = properties.from();
    }

    @Transactional
    public void send(String dedupeKey, String recipient, String subject, String body) {
        if (notifications.existsByDedupeKey(dedupeKey)) {
            return;
        }
        notifications.saveAndFlush(new Notification(dedupeKey, recipient, subject, body, Instant.now(clock)));
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
            helper.setFrom(from);
            helper.setTo(recipient);
            helper.setSubject(subject);
            helper.setText(body);
            message.setHeader("Message-ID", messageId(dedupeKey));
            delivery.deliver(message, dedupeKey);
        } catch (MessagingException e) {
            throw new IllegalStateException("Could not deliver '" + subject + "' to " + recipient, e);
        }
    }

    private String messageId(String dedupeKey) {
        String domain = from.substring(from.lastIndexOf('@') + 1).replaceAll("[^A-Za-z0-9.-]", "");
        return "<" + UUID.nameUUIDFromBytes(dedupeKey.getBytes(StandardCharsets.UTF_8)) + "@" + domain + ">";
    }
}
