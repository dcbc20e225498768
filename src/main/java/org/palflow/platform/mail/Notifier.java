package org.palflow.platform.mail;

import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records a notification once per dedupe key (job workers are redelivered, people should not be mailed twice) and
 * has it mailed once the caller's transaction commits ({@link MailDispatch}): a change that is rolled back mails
 * nobody, and a slow or absent mail server holds up no change.
 */
@Service
public class Notifier {

    private final NotificationRepository notifications;
    private final MailDispatch dispatch;
    private final Clock clock;

    Notifier(NotificationRepository notifications, MailDispatch dispatch, Clock clock) {
        this.notifications = notifications;
        this.dispatch = dispatch;
        this.clock = clock;
    }

    @Transactional
    public void send(String dedupeKey, String recipient, String subject, String body) {
        if (notifications.existsByDedupeKey(dedupeKey)) {
            return;
        }
        long id = notifications.saveAndFlush(new Notification(dedupeKey, recipient, subject, body,
                Instant.now(clock))).getId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatch.deliverSoon(id);
            }
        });
    }
}
