package org.palflow.platform.mail;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class Notification {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String dedupeKey;
    private String recipient;
    private String subject;
    private String body;
    private Instant sentAt;
    private Instant deliveredAt;
    private Instant readAt;

    protected Notification() {
    }

    Notification(String dedupeKey, String recipient, String subject, String body, Instant sentAt) {
        this.dedupeKey = dedupeKey;
        this.recipient = recipient;
        this.subject = subject;
        this.body = body;
        this.sentAt = sentAt;
    }

    void delivered(Instant now) {
        deliveredAt = now;
    }

    boolean isDelivered() {
        return deliveredAt != null;
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    public boolean isRead() {
        return readAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getDedupeKey() {
        return dedupeKey;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public Instant getSentAt() {
        return sentAt;
    }
}
