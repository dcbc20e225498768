package org.palflow.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.palflow.support.Browser;
import org.palflow.support.PalFlowTest;

/**
 * Casey, a coordinator, in Chromium: imports a cohort from CSV (a bad line shown by number, nothing stored; then the
 * fixed file), proposes a mentor from the candidate's page, filters the cohort dashboard to those at risk, and
 * exports it as CSV and as a workbook, both read back here.
 */
class CoordinatorInTheBrowserTest extends PalFlowTest {

    private static final String COHORT = "/coordinator/cohorts/BAYSTATE-LEAD/2026-FALL";

    @Test
    void aCoordinatorImportsProposesFiltersAndExports(@org.junit.jupiter.api.io.TempDir Path files)
            throws IOException {
        String header = "full_name,email,district,school,handbook_version,policies_confirmed\n";
        String quinn = "Quinn Imported,quinn.imported@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,yes\n";
        String rowan = "=Rowan Imported,rowan.imported@test.example,Springfield Public Schools,Lincoln Elementary School,2025-26,yes\n";
        Path bad = Files.writeString(files.resolve("fall-cohort.csv"), header + quinn
                + "Sam Broken,not-an-email,Springfield Public Schools,Lincoln Elementary School,2025-26,yes\n" + rowan);
        Path fixed = Files.writeString(files.resolve("fall-cohort-fixed.csv"), header + quinn + rowan);

        try (Browser casey = Browser.open(port, 1280)) {
            casey.signIn("casey");
            assertThat(casey.path()).as("a coordinator lands on their cohorts").isEqualTo("/coordinator");
            assertThat(casey.text("#cohort-BAYSTATE-LEAD-2026-FALL")).contains("Fall 2026");
            casey.screenshot("50-coordinator-cohorts");

            casey.follow("a[href='/coordinator/import']").select("#cohort", "BAYSTATE-LEAD/2026-FALL")
                    .choose("#file", bad).submit("main form button[type=submit]");
            assertThat(casey.text("#import-problems")).contains("Nothing can be imported: 1 problem(s)",
                    "Line 3: email");
            assertThat(casey.all("#confirm-import")).as("no way to import a file with a bad line").isEmpty();
            casey.screenshot("51-coordinator-import-bad-line");
            assertThat(dashboardTotal("Imported")).as("nothing stored from the bad file").isZero();

            casey.visit("/coordinator/import").select("#cohort", "BAYSTATE-LEAD/2026-FALL").choose("#file", fixed)
                    .submit("main form button[type=submit]");
            assertThat(casey.text("#import-rows")).contains("Quinn Imported", "=Rowan Imported", "New registration");
            casey.screenshot("52-coordinator-import-preview");
            casey.script("document.querySelector('#confirm-import').form.querySelector('[name=csv]').remove()");
            casey.submit("#confirm-import");
            assertThat(casey.text("h1")).as("a form sent without its file").isEqualTo("The form was not accepted");
            assertThat(casey.text("main")).contains("In this form, csv is required. Go back, correct it and send it "
                    + "again.");
            assertThat(dashboardTotal("Imported")).isZero();

            casey.visit("/coordinator/import").select("#cohort", "BAYSTATE-LEAD/2026-FALL").choose("#file", fixed)
                    .submit("main form button[type=submit]");
            casey.submit("#confirm-import");
            assertThat(casey.path()).startsWith(COHORT);
            assertThat(casey.text("[role=status]")).contains("2 candidate(s) registered");
            assertThat(dashboardTotal("Imported")).isEqualTo(2);

            long quinnId = candidateNamed("Quinn");
            awaitStage(quinnId, "AWAITING_MENTOR_PROPOSAL");
            casey.visit(COHORT + "?name=Quinn").follow("#candidate-" + quinnId + " a");
            assertThat(casey.text("#waiting-for")).contains("coordinator to propose a mentor");
            casey.screenshot("53-coordinator-candidate");
            casey.submit("#propose button[type=submit]");
            assertThat(casey.text("[role=alert]")).as("refused, nothing proposed").contains("Choose the school leader");
            casey.click("label[for=mentor-1]").submit("#propose button[type=submit]");
            assertThat(casey.text("[role=status]")).contains("The mentor is asked");
            assertThat(awaitStage(quinnId, "AWAITING_MENTOR_RESPONSE").get("waitingFor").asText())
                    .contains("Morgan Mentor");

            advanceTime(Duration.ofDays(4));
            casey.visit(COHORT).click("label[for=atRisk]").type("#name", "Imported").click("#cohort-filter button[type=submit]");
            await().atMost(Duration.ofSeconds(10)).until(() -> casey.text("#cohort-caption").startsWith("1 candidate"));
            casey.assertAccessible();
            assertThat(casey.path()).as("the filter has an address").contains("atRisk=true");
            assertThat(casey.text("#candidate-" + quinnId)).containsIgnoringCase("At risk")
                    .contains("Morgan Mentor has not answered");
            casey.screenshot("54-coordinator-dashboard-at-risk");

            String exportLink = casey.find("#export-csv").getAttribute("href");
            List<CSVRecord> csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new StringReader(new String(casey.download(exportLink), StandardCharsets.UTF_8)))
                    .getRecords();
            assertThat(csv).hasSize(1);
            assertThat(csv.get(0).get("Name")).isEqualTo("Quinn Imported");
            assertThat(csv.get(0).get("At risk")).contains("has not answered");

            casey.visit(COHORT + "?name=Imported&sort=NAME");
            byte[] workbook = casey.download(casey.find("#export-xlsx").getAttribute("href"));
            try (XSSFWorkbook read = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
                Sheet sheet = read.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).isEqualTo(2);
                assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Name");
                assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).as("sorted by name, kept as text")
                        .isEqualTo("=Rowan Imported");
                assertThat(sheet.getRow(1).getCell(1).getCellType())
                        .isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
                assertThat(sheet.getRow(2).getCell(4).getStringCellValue()).isEqualTo("Not started");
            }
            casey.visit(COHORT + "?name=Rowan");
            assertThat(new String(casey.download(casey.find("#export-csv").getAttribute("href")),
                    StandardCharsets.UTF_8)).as("a formula-like cell is made inert").contains("'=Rowan Imported");
            await().atMost(Duration.ofSeconds(10)).until(() -> !casey.all("#stage-table").isEmpty());
            assertThat(casey.text("#stage-NOT_STARTED")).contains("Not started");
            casey.screenshot("55-coordinator-dashboard");

            casey.visit(COHORT + "?task=2&stage=SUBMITTED");
            assertThat(casey.text("h1")).as("a link with an unknown stage")
                    .isEqualTo("This address was not understood");
            assertThat(casey.text("main")).contains("In this address, stage must be one of NOT_STARTED, DRAFTING, "
                    + "IN_SCORING, SCORED, EXPIRED, INCOMPLETE. Check the link, or go back and choose again.");
            casey.assertAccessible();
        }
    }

    private long dashboardTotal(String name) {
        return as("casey").get("/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/candidates?name=" + name).getBody()
                .get("total").asLong();
    }

    private long candidateNamed(String name) {
        JsonNode page = as("casey").get("/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/candidates?name=" + name)
                .getBody();
        return page.get("candidates").get(0).get("candidateId").asLong();
    }
}
