package org.palflow.drafting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

class EvidenceChartsTest {

    @Test
    void task2FollowsTheHandbooksEvidenceChartExactly() throws IOException {
        Map<String, EvidenceChart> charts = EvidenceCharts.load(
                new PathMatchingResourcePatternResolver().getResources(EvidenceChartCatalog.LOCATION));

        assertThat(charts).containsKeys("2025-26/1", "2025-26/2", "2025-26/3", "2025-26/4");
        EvidenceChart task2 = charts.get("2025-26/2");
        assertThat(task2.maxFileBytes()).isEqualTo(500L * 1024 * 1024);
        assertThat(task2.parts())
                .extracting(EvidenceChart.Part::code, EvidenceChart.Part::maxPages, EvidenceChart.Part::maxWords,
                        EvidenceChart.Part::maxFiles, EvidenceChart.Part::confirmed)
                .containsExactly(
                        tuple("A", null, null, 1, true),
                        tuple("B", 2, 1000, 1, true),
                        tuple("C", 5, 2500, 1, true),
                        tuple("D", 3, 1500, 1, true),
                        tuple("E1", null, null, 1, true), tuple("E2", null, null, 1, true),
                        tuple("E3", null, null, 1, true), tuple("E4", null, null, 1, true),
                        tuple("E5", null, null, 1, true), tuple("E6", null, null, 1, true),
                        tuple("F", 2, 1000, 1, true));
        assertThat(task2.parts()).allSatisfy(part ->
                assertThat(part.allowedTypes()).containsExactly(FileType.DOC, FileType.DOCX, FileType.ODT, FileType.PDF));
        assertThat(charts.get("2025-26/3").part("V2")).get()
                .extracting(EvidenceChart.Part::allowedTypes).isEqualTo(List.of(FileType.MP4, FileType.MOV));
    }

    @Test
    void aChartBreakingTheHandbooksRulesIsRefusedWithEveryReason() {
        String chart = """
                {"handbookVersion": "2025-26", "task": 5, "title": "T", "maxFileBytes": 10,
                 "maxFileBytesConfirmed": true, "note": "",
                 "parts": [
                   {"code": "B", "name": "Artifact", "kind": "ARTIFACT", "minFiles": 1, "maxFiles": 1,
                    "allowedTypes": ["pdf"], "maxWords": 0, "confirmed": false, "basis": "test"},
                   {"code": "B", "name": "Artifact", "kind": "ARTIFACT", "minFiles": 2, "maxFiles": 1,
                    "allowedTypes": [], "confirmed": false, "basis": "test"}
                 ]}""";

        assertThatThrownBy(() -> EvidenceCharts.load(resource("bad-chart.json", chart)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bad-chart.json]: task must be 1 to 4, not 5")
                .hasMessageContaining("part B: word and page limits must be positive")
                .hasMessageContaining("part B appears twice")
                .hasMessageContaining("part B: files must satisfy 0 <= minFiles <= maxFiles")
                .hasMessageContaining("part B: allowedTypes is empty")
                .hasMessageContaining("needs exactly one Confidentiality and Anonymity Form part, has 0")
                .hasMessageContaining("needs at least three written artifacts and one commentary (handbook), has 2 and 0");
    }

    @Test
    void aMisspeltFieldOrUnknownFileTypeIsAnErrorNotADefault() {
        assertThatThrownBy(() -> EvidenceCharts.load(resource("typo.json", """
                {"handbookVersion": "2025-26", "task": 1, "title": "T", "maxFileBytes": 10,
                 "maxFileBytesConfirmed": true, "note": "", "parts": [], "maxWordz": 3}""")))
                .hasMessageContaining("typo.json]: not a readable evidence chart");
        assertThatThrownBy(() -> EvidenceCharts.load(resource("type.json", """
                {"handbookVersion": "2025-26", "task": 1, "title": "T", "maxFileBytes": 10,
                 "maxFileBytesConfirmed": true, "note": "", "parts": [
                   {"code": "A", "name": "Form", "kind": "FORM", "minFiles": 1, "maxFiles": 1,
                    "allowedTypes": ["exe"], "confirmed": true, "basis": "test"}]}""")))
                .hasMessageContaining("type.json]: not a readable evidence chart");
    }

    private static ByteArrayResource resource(String name, String json) {
        return new ByteArrayResource(json.getBytes(StandardCharsets.UTF_8), name);
    }
}
