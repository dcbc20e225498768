package org.palflow.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.palflow.support.PalFlowTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Admins define scoring windows; which handbook versions and tasks a window takes is part of its data. */
class ScoringWindowApiTest extends PalFlowTest {

    @Autowired
    ScoringWindows windows;

    @Test
    void theOldHandbookCutOffIsAWindowThatTakesOnlyOldTasksOneAndTwo() {
        ResponseEntity<JsonNode> created = as("alex").post("/api/scoring-windows", Map.of("name",
                "Old handbook, Tasks 1-2", "submissionDeadline", "2025-07-10", "scoreReportDate", "2025-08-07",
                "accepts", List.of(Map.of("handbookVersion", "2024-25", "tasks", List.of(1, 2)),
                        Map.of("handbookVersion", "2023-24", "tasks", List.of(1, 2)))));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(created.getBody().get("accepts").toString()).isEqualTo("[{\"handbookVersion\":\"2023-24\","
                + "\"task\":1},{\"handbookVersion\":\"2023-24\",\"task\":2},{\"handbookVersion\":\"2024-25\",\"task\":1},"
                + "{\"handbookVersion\":\"2024-25\",\"task\":2}]");

        Instant july10Evening = Instant.parse("2025-07-11T03:00:00Z");
        Instant july11 = Instant.parse("2025-07-11T05:00:00Z");
        assertThat(windows.windowFor("2024-25", 2, july10Evening)).get().extracting(ScoringWindow::getName)
                .isEqualTo("Old handbook, Tasks 1-2");
        assertThat(windows.windowFor("2024-25", 2, july11)).as("after the cut-off, Massachusetts time").isEmpty();
        assertThat(windows.windowFor("2024-25", 3, july10Evening)).as("only Tasks 1-2").isEmpty();
        assertThat(windows.windowFor("2025-26", 1, july10Evening).map(ScoringWindow::getName))
                .as("not the new handbook").isNotEqualTo(java.util.Optional.of("Old handbook, Tasks 1-2"));
        assertThat(as("blake").get("/api/scoring-windows").getBody().findValuesAsText("name"))
                .contains("Old handbook, Tasks 1-2");
    }

    @Test
    void anInvalidWindowIsRefusedWithEveryReasonAndOnlyAdminsMayCreateOne() {
        ResponseEntity<JsonNode> invalid = as("alex").post("/api/scoring-windows", Map.of("name", " ",
                "submissionDeadline", "2026-06-18", "scoreReportDate", "2026-05-21",
                "accepts", List.of(Map.of("handbookVersion", "1999-00", "tasks", List.of(0, 5)))));
        assertThat(invalid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(invalid.getBody().get("errors").toString()).contains("name is required",
                "scoreReportDate must come after submissionDeadline", "there is no handbook version 1999-00",
                "tasks are 1 to 4, not 0", "tasks are 1 to 4, not 5",
                "a window must accept at least one task of one handbook version");
        assertThat(as("casey").post("/api/scoring-windows", Map.of("name", "Coordinator's window"))
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
