package org.palflow.platform.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param from the sender of every message the platform mails */
@ConfigurationProperties("pal.mail")
record MailProperties(String from) {
}
