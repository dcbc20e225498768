package org.palflow.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.palflow.support.LocalConnections;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Mail goes out over a connection kept open between messages, on a real SMTP server of the test's own (so that no
 * other test's connections are counted); a connection the server dropped is replaced without losing the message.
 */
class SmtpDeliveryTest {

    private GreenMail server = started(new GreenMail(ServerSetupTest.SMTP.dynamicPort()));
    private final int port = server.getSmtp().getPort();
    private final JavaMailSenderImpl settings = settings(port);
    private SmtpDelivery delivery;

    @AfterEach
    void stop() {
        if (delivery != null) {
            delivery.destroy();
        }
        server.stop();
    }

    @Test
    void messagesOneAfterAnotherGoOverOneConnectionWithTheirOwnMessageIds() throws Exception {
        delivery = new SmtpDelivery(settings, Duration.ofMinutes(1));

        for (int i = 1; i <= 5; i++) {
            delivery.deliver(message("Score report " + i, "<report-" + i + "@palflow.example>"), "report-" + i);
        }

        assertThat(Arrays.stream(server.getReceivedMessages()).map(SmtpDeliveryTest::messageId))
                .containsExactly("<report-1@palflow.example>", "<report-2@palflow.example>",
                        "<report-3@palflow.example>", "<report-4@palflow.example>", "<report-5@palflow.example>");
        assertThat(LocalConnections.acceptedOn(port)).as("connections open").isEqualTo(1);
        assertThat(LocalConnections.closedOn(port)).as("connections closed").isZero();
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedAndTheMessageArrives() throws Exception {
        delivery = new SmtpDelivery(settings, Duration.ofMinutes(1));
        delivery.deliver(message("Before the restart", "<before@palflow.example>"), "before");

        server.stop();
        server = started(new GreenMail(ServerSetupTest.SMTP.port(port)));
        delivery.deliver(message("After the restart", "<after@palflow.example>"), "after");

        assertThat(Arrays.stream(server.getReceivedMessages()).map(SmtpDeliveryTest::messageId))
                .containsExactly("<after@palflow.example>");
    }

    @Test
    void aConnectionIdleLongerThanTheLimitIsClosedAndANewOneOpened() throws Exception {
        delivery = new SmtpDelivery(settings, Duration.ofMillis(100));
        delivery.deliver(message("First", "<first@palflow.example>"), "first");

        Thread.sleep(300);
        delivery.deliver(message("Second", "<second@palflow.example>"), "second");

        assertThat(server.getReceivedMessages()).hasSize(2);
        assertThat(LocalConnections.acceptedOn(port)).as("connections open").isEqualTo(1);
        // Both ends may close at once (the server closes after answering QUIT), and then both wait in TIME_WAIT.
        assertThat(LocalConnections.closedOn(port)).as("connections closed").isPositive();
    }

    private MimeMessage message(String subject, String messageId) throws MessagingException {
        MimeMessage message = new MimeMessage(settings.getSession());
        message.setFrom(new InternetAddress("pal-flow@localhost"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("casey.candidate@palflow.example"));
        message.setSubject(subject);
        message.setText("Your score report is ready.");
        message.setHeader("Message-ID", messageId);
        return message;
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static GreenMail started(GreenMail server) {
        server.start();
        return server;
    }

    private static JavaMailSenderImpl settings(int port) {
        JavaMailSenderImpl settings = new JavaMailSenderImpl();
        settings.setHost("127.0.0.1");
        settings.setPort(port);
        return settings;
    }
}
