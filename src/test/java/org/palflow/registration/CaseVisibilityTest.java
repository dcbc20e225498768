package org.palflow.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Who may read a case, and that the candidate's address is read once, not at every check. */
class CaseVisibilityTest extends PalFlowTest {

    @Autowired
    CaseVisibility visibility;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theCandidateCoordinatorsAndAdminsMayReadACaseAndNoOneElse() {
        Map<String, Object> details = newCandidate("Vera Visible");
        long id = as("casey").post("/api/registrations", details).getBody().get("id").asLong();
        Actor candidate = new Actor("vera", (String) details.get("email"), Set.of(Role.CANDIDATE));
        Actor another = new Actor("otto", "otto.other@test.example", Set.of(Role.CANDIDATE));
        Actor mentorOfNoOne = new Actor("mo", "mo.mentor@test.example", Set.of(Role.MENTOR));

        assertThat(visibility.isTheCandidate(id, candidate)).isTrue();
        assertThat(visibility.mayRead(id, candidate)).isTrue();
        assertThat(visibility.mayRead(id, new Actor("casey", null, Set.of(Role.COORDINATOR)))).isTrue();
        assertThat(visibility.mayRead(id, new Actor("alex", null, Set.of(Role.ADMIN)))).isTrue();
        assertThat(visibility.isTheCandidate(id, another)).isFalse();
        assertThat(visibility.mayRead(id, another)).isFalse();
        assertThat(visibility.mayRead(id, mentorOfNoOne)).isFalse();
        assertThat(visibility.mayRead(Long.MAX_VALUE, new Actor("casey", null, Set.of(Role.COORDINATOR))))
                .as("a case that does not exist").isFalse();
    }

    @Test
    void aCheckAfterTheFirstReadsNoRegistration() {
        Map<String, Object> details = newCandidate("Remy Remembered");
        long id = as("casey").post("/api/registrations", details).getBody().get("id").asLong();
        Actor candidate = new Actor("remy", (String) details.get("email"), Set.of(Role.CANDIDATE));
        assertThat(visibility.isTheCandidate(id, candidate)).isTrue();

        // The app never changes an address; changed behind its back, a check that read the row would see it.
        jdbc.update("UPDATE candidate_registration SET email = ? WHERE id = ?", "changed.behind@test.example", id);
        try {
            assertThat(visibility.isTheCandidate(id, candidate)).isTrue();
            assertThat(visibility.mayRead(id, candidate)).isTrue();
        } finally {
            jdbc.update("UPDATE candidate_registration SET email = ? WHERE id = ?", details.get("email"), id);
        }
    }
}
