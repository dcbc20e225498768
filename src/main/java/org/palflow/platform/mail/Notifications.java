package org.palflow.platform.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A person's in-app notifications: every message the platform mailed them, newest first. */
@Service
public class Notifications {

    private final NotificationRepository notifications;
    private final Clock clock;

    Notifications(NotificationRepository notifications, Clock clock) {
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Notification> inboxOf(String email) {
        return notifications.findTop100ByRecipientOrderBySentAtDescIdDesc(email);
    }

    @Transactional(readOnly = true)
    public long unreadCount(String email) {
        return email == null || email.isBlank() ? 0 : notifications.countByRecipientAndReadAtIsNull(email);
    }

    @Transactional
    public void markAllRead(String email) {
        Instant now = Instant.now(clock);
        notifications.findByRecipientAndReadAtIsNull(email).forEach(notification -> notification.read(now));
    }
}
