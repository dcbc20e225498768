package org.palflow.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.palflow.support.TestMail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Mail goes out once its change has committed, never for a change rolled back, and late rather than never. */
class MailDispatchTest extends PalFlowTest {

    @Autowired
    Notifier notifier;

    @Autowired
    MailDispatch dispatch;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNotificationIsMailedOnceItsChangeCommitsAndNotAtAllWhenItIsRolledBack() throws InterruptedException {
        transaction.executeWithoutResult(status -> {
            notifier.send("dispatch-test:rolled-back", "rolled.back@palflow.example", "Never sent", "Rolled back.");
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status -> notifier.send("dispatch-test:committed",
                "committed@palflow.example", "Sent after commit", "Committed."));

        assertThat(TestMail.awaitSubjectsTo("committed@palflow.example", "Sent after commit"))
                .containsExactly("Sent after commit");
        eventually(() -> Optional.ofNullable(deliveredAt("dispatch-test:committed")));
        Thread.sleep(500);
        assertThat(TestMail.subjectsTo("rolled.back@palflow.example")).as("mail of a rolled-back change").isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE dedupe_key = 'dispatch-test:rolled-back'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aNotificationLeftUndeliveredIsDeliveredByALaterRoundOnce() {
        // As a crash between the commit and the delivery leaves it.
        jdbc.sql("INSERT INTO notification (dedupe_key, recipient, subject, body, sent_at) VALUES "
                + "('dispatch-test:left-over', 'left.over@palflow.example', 'Left over', 'Late, not lost.', ?)")
                .param(Instant.now().minusSeconds(120)).update();

        dispatch.deliverLeftOver();
        dispatch.deliverLeftOver();

        assertThat(TestMail.subjectsTo("left.over@palflow.example")).containsExactly("Left over");
        assertThat(deliveredAt("dispatch-test:left-over")).isNotNull();
    }

    private Instant deliveredAt(String dedupeKey) {
        return jdbc.sql("SELECT delivered_at FROM notification WHERE dedupe_key = ?").param(dedupeKey)
                .query(Instant.class).optional().orElse(null);
    }
}
