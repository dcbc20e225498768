package org.palflow.platform.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param from the sender of every message the platform mails
 * @param idleConnectionLimit how long an SMTP connection is kept open with nothing to send; shorter than the mail
 *        server keeps an idle client (RFC 5321 asks servers for at least five minutes)
 */
@ConfigurationProperties("pal.mail")
record MailProperties(String from, Duration idleConnectionLimit) {
}
