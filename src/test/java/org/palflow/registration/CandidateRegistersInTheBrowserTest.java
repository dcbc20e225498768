package org.palflow.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.palflow.support.Browser;
import org.palflow.support.PalFlowTest;
import org.springframework.http.HttpStatus;

/**
 * Robin, a demo candidate nobody else registers, signs in, registers in the browser, watches the case move on and
 * reads the welcome notification; every page is checked with axe-core and saved as a screenshot.
 */
class CandidateRegistersInTheBrowserTest extends PalFlowTest {

    @Test
    void aCandidateSignsInRegistersAndSeesTheirCaseAndNotifications() {
        try (Browser browser = Browser.open(port, 1280)) {
            browser.visit("/");
            assertThat(browser.path()).isEqualTo("/sign-in");
            browser.assertAccessible().screenshot("01-sign-in");

            browser.visit("/sign-in").type("#username", "robin").type("#password", "not-the-password")
                    .submit("main button[type=submit]");
            assertThat(browser.text(".usa-alert--error")).contains("do not match");

            browser.signIn("robin");
            assertThat(browser.path()).as("a candidate without a registration is sent to register")
                    .isEqualTo("/candidate/register");
            browser.assertAccessible().screenshot("02-register");

            browser.submit("main button[type=submit]");
            assertThat(browser.text("#refusal")).contains("field(s) to correct", "Full name: must not be blank");
            assertThat(browser.text("#fullName-error")).isNotBlank();
            assertThat(browser.find("#fullName").getAttribute("aria-describedby")).isEqualTo("fullName-error");
            browser.assertAccessible().screenshot("03-register-refused");
            assertThat(as("robin").get("/api/registrations/mine").getStatusCode()).as("nothing stored")
                    .isEqualTo(HttpStatus.NOT_FOUND);

            browser.script("document.getElementById('fullName').value = 'Robin\\u202ECandidate'");
            browser.submit("main button[type=submit]");
            assertThat(browser.text("#fullName-error")).as("a direction override in the name is refused")
                    .contains("contains the control character U+202E");

            browser.type("#fullName", "Robin Candidate").select("#cohort", "BAYSTATE-LEAD/2026-FALL")
                    .select("#district", "02810000").select("#school", "L0000001")
                    .click("label[for=policiesConfirmed]").submit("main button[type=submit]");
            assertThat(browser.path()).isEqualTo("/candidate");
            assertThat(browser.text("[role=status]")).contains("Your registration is received");
            assertThat(as("robin").get("/api/registrations/mine").getBody().get("school").asText())
                    .isEqualTo("Lincoln Elementary School");

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> browser
                    .visit("/candidate").text("#waiting-for").startsWith("The program coordinator to propose a mentor"));
            assertThat(browser.text(".usa-process-list")).contains("Lincoln Elementary School")
                    .containsIgnoringCase("accepted");
            browser.assertAccessible().screenshot("04-my-case");

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).until(() -> !browser
                    .visit("/candidate").all(".pal-count").isEmpty());
            browser.follow("a[href='/notifications']");
            assertThat(browser.text(".usa-collection")).contains("Welcome to PAL Flow").containsIgnoringCase("new");
            browser.assertAccessible().screenshot("05-notifications");
            browser.submit("form[action='/notifications/read'] button");
            assertThat(browser.text("[role=status]")).contains("marked as read");
            assertThat(browser.all(".usa-collection .usa-tag")).isEmpty();
            assertThat(browser.all(".pal-count")).isEmpty();

            browser.submit("form[action='/sign-out'] button");
            assertThat(browser.path()).isEqualTo("/sign-in?signed-out");
            assertThat(browser.text("[role=status]")).contains("You are signed out");
            browser.visit("/candidate");
            assertThat(browser.path()).isEqualTo("/sign-in");
        }
        try (Browser phone = Browser.open(port, 390)) {
            phone.signIn("robin");
            assertThat(phone.path()).isEqualTo("/candidate");
            phone.assertAccessible().screenshot("06-my-case-phone");
        }
    }
}
