package org.palflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.palflow.PalFlowApplication;
import org.palflow.support.Api;
import org.palflow.support.EvidenceFixtures;
import org.palflow.support.TestDataDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Run with {@code ./pal test -Pbenchmark}. Fills every part of a Task 2 draft with a document near its word limit,
 * waits for the text to be extracted, and prints how long the readiness report takes (first and repeated).
 */
class ReadinessBenchmark {

    private static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("A", 200), Map.entry("B", 950),
            Map.entry("C", 2400), Map.entry("D", 1450), Map.entry("E1", 600), Map.entry("E2", 150),
            Map.entry("E3", 800), Map.entry("E4", 1200), Map.entry("E5", 700), Map.entry("E6", 500),
            Map.entry("F", 980));
    private static final int REPEATS = 20;

    @Test
    void readinessReportOfAFullTask2Draft() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PalFlowApplication.class)
                .run("--server.port=0", "--pal.zeebe.embedded.port=0",
                        "--pal.data-dir=" + TestDataDirs.fresh("readiness-benchmark"), "--logging.level.root=WARN")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            Api drew = Api.as(port, "drew");
            long candidate = drew.post("/api/registrations", Map.of("fullName", "Drew Candidate",
                    "email", "drew.candidate@palflow.example", "programCode", "BAYSTATE-LEAD", "cohortCode", "2026-FALL",
                    "district", "Springfield Public Schools", "school", "Lincoln Elementary School",
                    "handbookVersion", "2025-26", "policiesConfirmed", true)).getBody().get("id").asLong();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "ACTIVE".equals(
                    drew.get("/api/registrations/" + candidate).getBody().get("status").asText()));
            long draft = drew.post("/api/drafts", Map.of("task", 2)).getBody().get("id").asLong();
            drew.put("/api/drafts/" + draft + "/details", Map.of("priorityArea", "Grade 4 reading fluency",
                    "collaborationPoints", "None", "collaborationRationale", "None", "collaborationRoles", "None",
                    "roster", List.of("Jordan Rivera", "Sam Okafor", "Alex Moreno", "Riley Chen")));
            WORDS.forEach((part, words) -> drew.putBytes("/api/drafts/{draft}/parts/{part}/file?name={name}",
                    EvidenceFixtures.docx((part.equals("A") ? "[X] " : "") + prose(words, part)), draft, part,
                    "part-" + part + ".docx"));
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    !drew.get("/api/drafts/" + draft + "/readiness").getBody().toString().contains("not-yet-read"));

            long[] nanos = new long[REPEATS];
            JsonNode report = null;
            for (int i = 0; i < REPEATS; i++) {
                long started = System.nanoTime();
                report = drew.get("/api/drafts/" + draft + "/readiness").getBody();
                nanos[i] = System.nanoTime() - started;
            }
            assertThat(report.get("findings")).isNotNull();
            long[] sorted = Arrays.stream(nanos).sorted().toArray();
            int totalWords = WORDS.values().stream().mapToInt(Integer::intValue).sum();
            System.out.printf("%nBENCHMARK readiness report, full Task 2 draft (11 files, %d words, roster of 4)%n",
                    totalWords);
            System.out.printf("BENCHMARK   first request after extraction: %.1f ms%n", nanos[0] / 1e6);
            System.out.printf("BENCHMARK   median of %d: %.1f ms, slowest %.1f ms (%d findings)%n%n", REPEATS,
                    sorted[REPEATS / 2] / 1e6, sorted[REPEATS - 1] / 1e6, report.get("findings").size());
        }
    }

    /** Plain prose of about the given length, varied per part so no two files are the same. */
    private static String prose(int words, String part) {
        String[] vocabulary = {"the", "group", "studied", "fluency", "data", "and", "planned", "lessons", "teachers",
                "reviewed", "student", "progress", "weekly", "with", "protocols", "for", "feedback", "part", part};
        return IntStream.range(0, words).mapToObj(i -> vocabulary[(i * 7 + part.length()) % vocabulary.length])
                .collect(Collectors.joining(" "));
    }
}
