package org.palflow.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.palflow.platform.web.ApiProblem;
import org.palflow.scoring.ScorerPool;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Districts are chosen from reference data and compared by code: "Springfield" and "Springfield Public Schools"
 * are one district, "Springfeild" is none. Free text stored before is matched by the migration.
 */
class DistrictsTest extends PalFlowTest {

    static final String SPRINGFIELD = "02810000";
    static final String LINCOLN = "L0000001";

    @Autowired
    ScorerPool scorers;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Test
    void aRegistrationNamesItsDistrictByEitherNameOrCodeAndNothingElse() {
        assertThat(as("casey").get("/api/districts").getBody().findValuesAsText("code")).contains(SPRINGFIELD);

        ResponseEntity<JsonNode> spelledShort = as("casey").post("/api/registrations", registration(
                "Parker Spelling", "parker.spelling@test.example", "  springfield "));
        assertThat(spelledShort.getStatusCode()).as(String.valueOf(spelledShort.getBody()))
                .isEqualTo(HttpStatus.CREATED);
        assertThat(spelledShort.getBody().get("district").asText()).isEqualTo("Springfield Public Schools");
        assertThat(spelledShort.getBody().get("districtCode").asText()).isEqualTo(SPRINGFIELD);
        assertThat(spelledShort.getBody().get("school").asText()).isEqualTo("Lincoln Elementary School");
        assertThat(spelledShort.getBody().get("schoolCode").asText()).isEqualTo(LINCOLN);
        assertThat(as("casey").get("/api/districts/springfield/schools").getBody().findValuesAsText("name"))
                .containsExactly("Brightwood Elementary School", "Lincoln Elementary School");

        ResponseEntity<JsonNode> otherDistrictsSchool = as("casey").post("/api/registrations", registration(
                "Quinn Spelling", "quinn.spelling@test.example", SPRINGFIELD, "Elm Park Community School"));
        assertThat(otherDistrictsSchool.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherDistrictsSchool.getBody().get("errors").get(0).get("field").asText()).isEqualTo("school");
        assertThat(otherDistrictsSchool.getBody().get("detail").asText()).isEqualTo("The registration was not "
                + "stored: 'Elm Park Community School' is not a school of Springfield Public Schools that PAL Flow "
                + "knows: choose one of the list (GET /api/districts/02810000/schools), by name or code");

        ResponseEntity<JsonNode> misspelled = as("casey").post("/api/registrations", registration(
                "Rowan Spelling", "rowan.spelling@test.example", "Springfeild"));
        assertThat(misspelled.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(misspelled.getBody().get("errors").get(0).get("field").asText()).isEqualTo("district");
        assertThat(misspelled.getBody().get("errors").get(0).get("message").asText())
                .startsWith("'Springfeild' is not a school district PAL Flow knows");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM candidate_registration WHERE email = ?", Integer.class,
                "rowan.spelling@test.example")).isZero();

        ResponseEntity<JsonNode> file = as("casey").postCsv(
                "/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/registrations",
                "full_name,email,district,school,handbook_version,policies_confirmed\n"
                        + "Reese Spelling,reese.spelling@test.example,02810000,Lincoln Elementary School,2025-26,true\n"
                        + "Sage Spelling,sage.spelling@test.example,Springfeild,Lincoln Elementary School,2025-26,true\n");
        assertThat(file.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(file.getBody().get("errors")).hasSize(1);
        assertThat(file.getBody().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(file.getBody().get("errors").get(0).get("message").asText())
                .startsWith("district: 'Springfeild' is not a school district");
    }

    @Test
    void aScorerIsAddedInAKnownDistrictOnly() {
        scorers.add(new ScorerPool.NewScorer("devon", "Devon Districts", "devon@test.example",
                "SPRINGFIELD PUBLIC SCHOOLS", null, 5));
        // Other tests count the active pool.
        jdbc.update("UPDATE scorer SET active = FALSE WHERE username = 'devon'");
        assertThat(jdbc.queryForMap("SELECT district, district_code FROM scorer WHERE username = 'devon'"))
                .containsEntry("district", "Springfield Public Schools").containsEntry("district_code", SPRINGFIELD);
        assertThatThrownBy(() -> scorers.add(new ScorerPool.NewScorer("ellis", "Ellis Districts",
                "ellis@test.example", "Springfield PS", null, 5)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.getBody().getProperties()
                        .get("errors").toString()).contains("'Springfield PS' is not a school district"));
    }

    @Test
    void theMigrationMatchesFreeTextByEitherNameAndListsWhatMatchesNothing() {
        jdbc.execute("CREATE DATABASE IF NOT EXISTS district_migration");
        DriverManagerDataSource scratch = new DriverManagerDataSource(
                databaseUrl.replaceFirst("/palflow(\\?|$)", "/district_migration$1"), "root", "");
        try {
            String[] locations = {"classpath:db/migration", "classpath:db/demo"};
            Flyway.configure().dataSource(scratch).locations(locations).target("18").load().migrate();
            JdbcTemplate legacy = new JdbcTemplate(scratch);
            legacy.update("INSERT INTO scorer (username, full_name, email, district, program_code, capacity, active) "
                    + "VALUES ('s1', 'One', 'one@test.example', ' springfield ', NULL, 5, TRUE), "
                    + "('s2', 'Two', 'two@test.example', 'Springfield Public Schools', NULL, 5, TRUE), "
                    + "('s3', 'Three', 'three@test.example', 'Springfeild', NULL, 5, TRUE)");
            legacy.update("INSERT INTO mentor (email, full_name, district, school) VALUES "
                    + "('m1@test.example', 'Mentor One', 'SPRINGFIELD', 'lincoln elementary school '), "
                    + "('m2@test.example', 'Mentor Two', 'Springfield', 'Lincon Elementary')");
            Flyway.configure().dataSource(scratch).locations(locations).load().migrate();

            assertThat(legacy.queryForMap("SELECT district, district_code, school, school_code FROM mentor "
                    + "WHERE email = 'm1@test.example'")).containsEntry("district", "Springfield Public Schools")
                    .containsEntry("school", "Lincoln Elementary School").containsEntry("school_code", LINCOLN);

            List<Map<String, Object>> rows = legacy.queryForList("SELECT district, district_code FROM scorer "
                    + "WHERE username IN ('s1', 's2', 's3') ORDER BY username");
            assertThat(rows).extracting(row -> row.get("district_code")).containsExactly(SPRINGFIELD, SPRINGFIELD,
                    null);
            assertThat(rows).extracting(row -> row.get("district"))
                    .containsExactly("Springfield Public Schools", "Springfield Public Schools", "Springfeild");
            assertThat(legacy.queryForList("SELECT kind, full_name, district, school FROM unmatched_district"))
                    .extracting(row -> row.get("kind") + " " + row.get("full_name") + ": " + row.get("district")
                            + ", " + row.get("school"))
                    .containsExactlyInAnyOrder("Scorer Three: Springfeild, null",
                            "Mentor Mentor Two: Springfield Public Schools, Lincon Elementary");
        } finally {
            jdbc.execute("DROP DATABASE district_migration");
        }
    }

    private static Map<String, Object> registration(String name, String email, String district) {
        return registration(name, email, district, " lincoln elementary  school");
    }

    private static Map<String, Object> registration(String name, String email, String district, String school) {
        return Map.of("fullName", name, "email", email, "programCode", "BAYSTATE-LEAD", "cohortCode", "2026-FALL",
                "district", district, "school", school, "handbookVersion", "2025-26", "policiesConfirmed", true);
    }
}
