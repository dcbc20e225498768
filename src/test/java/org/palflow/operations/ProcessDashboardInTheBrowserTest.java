package org.palflow.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.palflow.support.Browser;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The process dashboard's numbers are the engine's: three more registrations waiting for a mentor proposal show
 * three more on "Coordinator proposes a mentor", in the table and on the diagram, and clicking the element lists
 * them with their names and how long they have waited.
 */
class ProcessDashboardInTheBrowserTest extends PalFlowTest {

    private static final String WAITING_FOR_PROPOSAL = "#element-await-mentor-proposal td";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void threeRegistrationsWaitingForAMentorProposalShowOnTheirElement() {
        try (Browser alex = Browser.open(port, 1280)) {
            alex.signIn("alex").visit("/admin/processes/mentor-assignment");
            long before = alex.all(WAITING_FOR_PROPOSAL).isEmpty() ? 0
                    : Long.parseLong(alex.all(WAITING_FOR_PROPOSAL).get(0).getText());

            List<String> names = new ArrayList<>();
            for (String name : List.of("Waiting One", "Waiting Two", "Waiting Three")) {
                var registered = registerAndAwaitDecision(newCandidate(name));
                names.add(registered.get("fullName").asText());
                awaitStage(registered.get("id").asLong(), "AWAITING_MENTOR_PROPOSAL");
            }

            alex.visit("/admin/processes/mentor-assignment");
            assertThat(Long.parseLong(alex.all(WAITING_FOR_PROPOSAL).get(0).getText())).isEqualTo(before + 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> "true".equals(alex.find("#diagram")
                    .getDomAttribute("data-ready")));
            assertThat(alex.text(".djs-overlays[data-container-id='await-mentor-proposal'] .pal-badge--waiting"))
                    .isEqualTo(String.valueOf(before + 3));
            alex.screenshot("65-admin-process-dashboard");

            alex.click("g[data-element-id='await-mentor-proposal']");
            await().atMost(Duration.ofSeconds(10)).until(() -> !alex.all("#waiting-cases").isEmpty());
            assertThat(alex.text("#element-cases h2")).isEqualTo("Waiting at Coordinator proposes a mentor");
            assertThat(alex.text("#waiting-cases")).contains(names)
                    .containsPattern("under a minute|\\d+ (minute|hour|day)");
            alex.assertAccessible();

            alex.visit("/admin/processes");
            assertThat(alex.text("#process-mentor-assignment")).contains("Mentor assignment");
        }
    }

    @Test
    void aDistrictThatMatchesNoneIsListedOnTheAdminsHome() {
        // A mentor row as it stood before districts had codes, which the migration could not match.
        jdbc.update("INSERT INTO mentor (email, full_name, district, school) VALUES "
                + "('unmatched.mentor@test.example', 'Unmatched Mentor', 'Springfeild', 'Lincoln Elementary School')");
        try (Browser alex = Browser.open(port, 390)) {
            alex.signIn("alex").visit("/admin");
            assertThat(alex.text("#unmatched-districts")).contains("Unmatched Mentor", "Mentor", "Springfeild");
            alex.assertAccessible();
        } finally {
            jdbc.update("DELETE FROM mentor WHERE email = 'unmatched.mentor@test.example'");
        }
    }
}
