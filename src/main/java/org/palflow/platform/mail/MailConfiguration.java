package org.palflow.platform.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.palflow.platform.PlatformProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * With {@code spring.mail.host} set, mail goes to that SMTP server. Without it, each message is written as an
 * .eml file to {@code <data-dir>/outbox}: nothing is lost and no server is needed.
 */
@Configuration(proxyBeanMethods = false)
class MailConfiguration {

    @Bean
    @ConditionalOnProperty("spring.mail.host")
    SmtpDelivery smtpDelivery(JavaMailSenderImpl mailServer, MailProperties properties) {
        return new SmtpDelivery(mailServer, properties.idleConnectionLimit());
    }

    @Bean
    @ConditionalOnMissingBean(MailDelivery.class)
    MailDelivery outboxFolderDelivery(PlatformProperties properties) {
        Path outbox = properties.dataDir().resolve("outbox");
        return (message, dedupeKey) -> {
            try {
                Files.createDirectories(outbox);
                String name = dedupeKey.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml";
                Path partial = Files.createTempFile(outbox, "sending-", ".part");
                try (OutputStream out = Files.newOutputStream(partial)) {
                    message.writeTo(out);
                }
                Files.move(partial, outbox.resolve(name), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not write to the mail outbox " + outbox, e);
            }
        };
    }
}
