package org.palflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.palflow.PalFlowApplication;
import org.palflow.cohorts.CohortFacts;
import org.palflow.support.Api;
import org.palflow.support.TestDataDirs;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Run with {@code ./pal test -Pbenchmark}. Fills one cohort with 50,000 candidates (mentors, drafts, submissions,
 * scores, decisions; written straight into the database with MariaDB's sequence engine) and prints p50/p95 of the
 * coordinator's cohort view through HTTP: the API's plain pages, the at-risk filter and a name search, and the
 * dashboard page itself (HTML, signed in with a session) with its filters and its stage chart.
 */
class CohortViewBenchmark {

    private static final int CANDIDATES = 50_000;
    private static final String COHORT = "/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL/candidates";

    @Test
    void cohortViewOfFiftyThousandCandidates() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(PalFlowApplication.class)
                .run("--server.port=0", "--pal.zeebe.embedded.port=0",
                        "--pal.data-dir=" + TestDataDirs.fresh("cohort-benchmark"), "--logging.level.root=WARN")) {
            int port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            long seeding = System.nanoTime();
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            seed(jdbc);
            // Bulk-loaded tables keep the statistics of empty ones until InnoDB samples them again on its own, and
            // plans made on those took the fill-in below from seconds to minutes; an installation's tables grow slowly.
            jdbc.execute("ANALYZE TABLE candidate_registration, mentor_assignment, mentor_proposal, mentorship, "
                    + "task_draft, draft_milestone, task_submission, scoring_case, task_score, licensure_decision");
            System.out.printf("BENCHMARK cohort view: seeded %,d candidates and their cases in %.1f s%n", CANDIDATES,
                    (System.nanoTime() - seeding) / 1e9);
            long projecting = System.nanoTime();
            int projected = app.getBean(CohortFacts.class).fillIn();
            System.out.printf("BENCHMARK cohort view: worked out the facts of %,d candidates written past the events "
                    + "in %.1f s%n", projected, (System.nanoTime() - projecting) / 1e9);
            Api casey = Api.as(port, "casey");
            Random random = new Random(1);
            measure("baseline: GET /api/programs (login and HTTP alone)", 100, () -> "/api/programs", casey);
            measure("pages of 50", 200, () -> COHORT + "?size=50&page=" + random.nextInt(CANDIDATES / 50), casey);
            measure("at-risk filter, pages of 50", 100, () -> COHORT + "?atRisk=true&size=50&page=" + random.nextInt(50),
                    casey);
            measure("name search", 100, () -> COHORT + "?name=Candidate%20" + random.nextInt(CANDIDATES), casey);
            measure("registration status, pages of 50", 100,
                    () -> COHORT + "?status=ACTIVE&size=50&page=" + random.nextInt(CANDIDATES / 50), casey);
            measure("Task 2 drafting, sorted by name, pages of 50", 100,
                    () -> COHORT + "?task=2&stage=DRAFTING&sort=NAME&size=50&page=" + random.nextInt(CANDIDATES / 50),
                    casey);
            PageSession page = PageSession.signIn(port, "casey");
            String dashboard = "/coordinator/cohorts/BAYSTATE-LEAD/2026-FALL";
            measurePage("dashboard page (HTML, first page of 50)", 200, () -> dashboard, page);
            measurePage("dashboard page, at risk", 100, () -> dashboard + "?atRisk=true", page);
            measurePage("dashboard page, Task 1 scored, by name", 100,
                    () -> dashboard + "?task=1&stage=SCORED&sort=NAME", page);
            measurePage("dashboard stage chart (loaded after the page)", 50, () -> dashboard + "/stages", page);
            JsonNode first = casey.get(COHORT + "?size=50").getBody();
            assertThat(first.get("total").asLong()).isEqualTo(CANDIDATES);
            assertThat(first.get("candidates").get(0).get("tasks")).hasSize(4);
        }
    }

    private static void measure(String what, int requests, java.util.function.Supplier<String> path, Api api) {
        time(what, requests, () -> assertThat(api.get(path.get()).getStatusCode()).isEqualTo(HttpStatus.OK));
    }

    private static void measurePage(String what, int requests, java.util.function.Supplier<String> path,
            PageSession session) {
        time(what, requests, () -> assertThat(session.get(path.get())).contains("Task 1"));
    }

    /** Twenty requests to warm up, then p50 and p95 of the rest. */
    private static void time(String what, int requests, Runnable request) {
        for (int i = 0; i < 20; i++) {
            request.run();
        }
        double[] millis = new double[requests];
        for (int i = 0; i < requests; i++) {
            long started = System.nanoTime();
            request.run();
            millis[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("BENCHMARK cohort view, %s: p50 %.1f ms, p95 %.1f ms (%d requests)%n", what,
                millis[requests / 2], millis[(int) (requests * 0.95)], requests);
    }

    /** A browser's session without the browser: signs in through the form, then keeps the session cookie. */
    private record PageSession(java.net.http.HttpClient client, String base) {

        static PageSession signIn(int port, String username) {
            var client = java.net.http.HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
            PageSession session = new PageSession(client, "http://localhost:" + port);
            String form = session.get("/sign-in");
            var csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
            assertThat(csrf.find()).as("the sign-in form's CSRF token").isTrue();
            session.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(session.base() + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + username + "&password="
                            + username + "-pal&_csrf=" + csrf.group(1))).build());
            return session;
        }

        String get(String path) {
            return send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path)).GET().build());
        }

        private String send(java.net.http.HttpRequest request) {
            try {
                var response = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(request.uri().toString()).isEqualTo(200);
                return response.body();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** Candidate n: mentored (every 10th still waiting on a proposal), Tasks 1–2 drafted, Task 1 scored. */
    private static void seed(JdbcTemplate jdbc) {
        String n = "seq";
        String range = "seq_1_to_" + CANDIDATES;
        jdbc.update("INSERT INTO candidate_registration (id, full_name, email, program_code, cohort_code, district, "
                + "school, handbook_version, policies_confirmed, status, registered_by, created_at, updated_at, version) "
                + "SELECT " + n + ", CONCAT('Candidate ', " + n + "), CONCAT('c', " + n + ", '@bench.example'), "
                + "'BAYSTATE-LEAD', '2026-FALL', 'Springfield Public Schools', 'Lincoln Elementary School', '2025-26', "
                + "TRUE, 'ACTIVE', 'bench', NOW(6), NOW(6), 0 FROM " + range);
        jdbc.update("INSERT INTO mentor_assignment (id, candidate_id, status, created_at, updated_at, version) "
                + "SELECT seq, seq, IF(seq % 10 = 0, 'AWAITING_RESPONSE', 'ASSIGNED'), NOW(6), NOW(6), 0 FROM " + range);
        jdbc.update("INSERT INTO mentor_proposal (id, assignment_id, mentor_id, proposed_by, proposed_at, respond_by, "
                + "status, version) SELECT seq, seq, 1 + seq % 3, 'bench', NOW(6) - INTERVAL (seq % 7) DAY, "
                + "NOW(6) + INTERVAL 7 DAY, IF(seq % 10 = 0, 'PENDING', 'ACCEPTED'), 0 FROM " + range);
        jdbc.update("INSERT INTO mentorship (candidate_id, mentor_id, proposal_id, started_at) "
                + "SELECT seq, 1 + seq % 3, seq, NOW(6) FROM " + range + " WHERE seq % 10 <> 0");
        for (int task = 1; task <= 2; task++) {
            jdbc.update("INSERT INTO task_draft (id, candidate_id, task_number, handbook_version, status, created_at, "
                    + "updated_at, version) SELECT seq * 2 - " + (2 - task) + ", seq, " + task + ", '2025-26', "
                    + (task == 1 ? "'SUBMITTED'" : "'DRAFTING'") + ", NOW(6), NOW(6), 0 FROM " + range);
        }
        jdbc.update("INSERT INTO draft_milestone (draft_id, component, sequence, status, version) "
                + "SELECT seq * 2, 'INVESTIGATE', 1, 'MARKED_DONE', 0 FROM " + range);
        jdbc.update("INSERT INTO task_submission (id, draft_id, candidate_id, task_number, handbook_version, "
                + "submitted_at) SELECT seq, seq * 2 - 1, seq, 1, '2025-26', NOW(6) FROM " + range);
        jdbc.update("INSERT INTO scoring_case (submission_id, candidate_id, task, handbook_version, status, updated_at) "
                + "SELECT seq, seq, 1, '2025-26', IF(seq % 5 = 0, 'SCORING', 'REPORTED'), NOW(6) FROM " + range);
        jdbc.update("INSERT INTO task_score (submission_id, candidate_id, task, task_score, result, basis, report_date, "
                + "valid_until, released_at) SELECT seq, seq, 1, IF(seq % 17 = 0, NULL, 1.50 + (seq % 230) / 100), "
                + "IF(seq % 17 = 0, '{\"conditionCodes\":[\"C\"]}', '{\"conditionCodes\":[]}'), 'single scoring', "
                + "CURDATE() - INTERVAL (seq % 2500) DAY, CURDATE() - INTERVAL (seq % 2500) DAY + INTERVAL 7 YEAR, "
                + "NOW(6) FROM " + range + " WHERE seq % 5 <> 0");
        jdbc.update("INSERT INTO licensure_decision (candidate_id, passed, average, explanation, decided_at, "
                + "process_instance_key) SELECT seq, FALSE, NULL, '{}', NOW(6), seq FROM " + range + " WHERE seq % 20 = 0");
    }
}
