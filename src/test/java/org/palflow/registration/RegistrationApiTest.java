package org.palflow.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.palflow.support.AtOnce;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Bad input gets a problem naming what is wrong; a bad cohort file stores nothing. */
class RegistrationApiTest extends PalFlowTest {

    static final String IMPORT = "/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/registrations";
    static final String HEADER = "full_name,email,district,school,handbook_version,policies_confirmed\n";

    @Autowired
    RegistrationRepository registrations;

    /** A double click, or a client retrying at once: one registration, and every request answered with it. */
    @Test
    void oneRegistrationSentSixTimesAtOnceIsStoredOnce() throws Exception {
        Map<String, Object> registration = Map.of("fullName", "Twice Clicked", "email", "twice.clicked@test.example",
                "programCode", "BAYSTATE-LEAD", "cohortCode", "2026-FALL", "district", "Springfield Public Schools",
                "school", "Lincoln Elementary School", "handbookVersion", "2025-26", "policiesConfirmed", true);
        Set<Long> ids = new HashSet<>();
        int created = 0;
        for (ResponseEntity<JsonNode> response : AtOnce.send(6, i -> () -> as("casey").post("/api/registrations",
                registration))) {
            assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isIn(200, 201);
            created += response.getStatusCode().value() == 201 ? 1 : 0;
            ids.add(response.getBody().get("id").asLong());
        }
        assertThat(created).isEqualTo(1);
        assertThat(ids).hasSize(1);
        assertThat(registrations.findByEmailAndStatusIn("twice.clicked@test.example",
                EnumSet.allOf(RegistrationStatus.class))).get().extracting(Registration::getId)
                .isEqualTo(ids.iterator().next());
    }

    @Test
    void invalidFieldsAreNamed() {
        ResponseEntity<JsonNode> response = as("casey").post("/api/registrations",
                Map.of("fullName", " ", "email", "not-an-address", "programCode", "BAYSTATE-LEAD"));
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("errors").findValuesAsText("field"))
                .contains("fullName", "email", "cohortCode", "district", "school", "handbookVersion",
                        "policiesConfirmed");
    }

    @Test
    void aCohortFileIsImportedInOneCallAndAgainWithoutDuplicates() {
        String csv = HEADER
                + "Cameron Import,cameron.import@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,true\n"
                + "\"Dana, Import\",dana.import@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,yes\n";

        ResponseEntity<JsonNode> first = as("casey").postCsv(IMPORT, csv);
        assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(first.getBody().get("created").asInt()).isEqualTo(2);
        assertThat(first.getBody().get("rows").findValuesAsText("email"))
                .containsExactly("cameron.import@test.example", "dana.import@test.example");
        long dana = first.getBody().get("rows").get(1).get("registrationId").asLong();
        awaitStage(dana, "AWAITING_MENTOR_PROPOSAL");
        assertThat(registrations.findById(dana)).get().extracting(Registration::getFullName, Registration::getRegisteredBy)
                .containsExactly("Dana, Import", "casey");

        ResponseEntity<JsonNode> second = as("casey").postCsv(IMPORT, csv);
        assertThat(second.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(second.getBody().get("alreadyRegistered").asInt()).isEqualTo(2);
        assertThat(second.getBody().get("rows").findValuesAsText("outcome")).containsOnly("ALREADY_REGISTERED");
    }

    /** Seen probing the running app: of three imports of one file at once, two were answered 500. */
    @Test
    void oneFileImportedThreeTimesAtOnceRegistersEachCandidateOnce() throws Exception {
        String csv = HEADER
                + "Eli Twice,eli.twice@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,true\n"
                + "Fay Twice,fay.twice@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,true\n";
        List<ResponseEntity<JsonNode>> answers = AtOnce.send(3, i -> () -> as("casey").postCsv(IMPORT, csv));
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getStatusCode().value())
                .as(String.valueOf(answer.getBody())).isIn(200, 201));
        assertThat(answers.stream().mapToInt(answer -> answer.getBody().get("created").asInt()).sum())
                .as("each candidate created by one of the imports").isEqualTo(2);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.getBody().get("rows").findValuesAsText(
                "registrationId")).isEqualTo(answers.get(0).getBody().get("rows").findValuesAsText("registrationId")));
    }

    @Test
    void aFileWithBadRowsIsRefusedByLineAndNothingIsStored() {
        long before = registrations.count();
        String csv = HEADER
                + "Good Row,good.row@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,true\n"
                + "Bad Email,not-an-address,Springfield Public Schools,Lincoln Elementary School,2025-26,true\n"
                + "Twice,good.row@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,true\n"
                + "Unsure,unsure@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,maybe\n"
                + "Old Handbook,old@test.example,Springfield Public Schools,Lincoln Elementary School,2024-25,true\n"
                + "Short,row\n";

        ResponseEntity<JsonNode> response = as("casey").postCsv(IMPORT, csv);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getBody().get("detail").asText()).isEqualTo("Nothing was imported: 5 problem(s) in the file");
        JsonNode errors = response.getBody().get("errors");
        assertThat(errors.findValuesAsText("line")).containsExactly("3", "4", "5", "6", "7");
        assertThat(errors.get(0).get("message").asText()).startsWith("email:");
        assertThat(errors.get(1).get("message").asText()).isEqualTo("email good.row@test.example already appears on line 2");
        assertThat(errors.get(2).get("message").asText()).startsWith("policies_confirmed:");
        assertThat(errors.get(3).get("message").asText()).startsWith("Handbook version 2024-25 no longer takes new candidates");
        assertThat(errors.get(4).get("message").asText()).isEqualTo("expected 6 values, found 2");
        assertThat(registrations.count()).isEqualTo(before);
    }

    @Test
    void aFileForAClosedCohortOrWithoutItsColumnsIsRefused() {
        ResponseEntity<JsonNode> closed = as("casey").postCsv("/api/programs/BAYSTATE-LEAD/cohorts/2025-FALL/registrations",
                HEADER + "Late,late@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,true\n");
        assertThat(closed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(closed.getBody().get("detail").asText())
                .isEqualTo("Nothing was imported: Cohort 2025-FALL of program BAYSTATE-LEAD is closed to registrations.");

        ResponseEntity<JsonNode> noColumns = as("casey").postCsv(IMPORT, "name,email\nX,x@test.example\n");
        assertThat(noColumns.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(noColumns.getBody().at("/errors/0/line").asInt()).isEqualTo(1);

        assertThat(as("avery").postCsv(IMPORT, HEADER).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    /** What Excel writes: "CSV UTF-8" starts with a byte-order mark; other encodings and separators are named. */
    @Test
    void aSpreadsheetsCsvIsReadOrRefusedSayingHowToSaveIt() {
        String row = "Bo Excel,bo.excel@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,"
                + "yes\n";
        ResponseEntity<JsonNode> withMark = as("casey").postCsv(IMPORT, ("\uFEFF" + HEADER + row)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(withMark.getStatusCode()).as(String.valueOf(withMark.getBody())).isEqualTo(HttpStatus.CREATED);
        assertThat(withMark.getBody().get("created").asInt()).isEqualTo(1);

        long before = registrations.count();
        byte[] latin1 = (HEADER + "Jos\u00e9 Latin,jose.latin@test.example,Springfield Public Schools,"
                + "Lincoln Elementary School,2025-26,yes\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ResponseEntity<JsonNode> otherEncoding = as("casey").postCsv(IMPORT, latin1);
        assertThat(otherEncoding.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(otherEncoding.getBody().at("/errors/0/line").asInt()).isEqualTo(2);
        assertThat(otherEncoding.getBody().at("/errors/0/message").asText())
                .isEqualTo("line 2 holds a character that is not UTF-8 text; save the file as \"CSV UTF-8\" and send "
                        + "it again");
        assertThat(registrations.count()).as("nothing stored").isEqualTo(before);

        ResponseEntity<JsonNode> semicolons = as("casey").postCsv(IMPORT, HEADER.replace(',', ';')
                + row.replace(',', ';'));
        assertThat(semicolons.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(semicolons.getBody().get("detail").asText())
                .endsWith("The values are separated by semicolons: save the file with commas between them "
                        + "(CSV, comma-separated)");
    }
}
