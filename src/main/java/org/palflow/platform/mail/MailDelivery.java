package org.palflow.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/** Where a finished message goes: an SMTP server, or the outbox folder on the embedded default. */
public interface MailDelivery {

    void deliver(MimeMessage message, String dedupeKey) throws MessagingException;
}
