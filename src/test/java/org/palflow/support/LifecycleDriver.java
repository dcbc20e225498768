package org.palflow.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.management.OperatingSystemMXBean;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.palflow.platform.embedded.EmbeddedDefaults;
import org.springframework.http.HttpRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpRequestExecution;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClientException;

/**
 * Runs the app as a child JVM on its own data folder and pushes candidates through the whole lifecycle over HTTP
 * (registration, mentor, four drafted tasks with files, the first task's components reviewed, submission, scoring,
 * release, decision, hand-off), timing each stage; for the crash suite, a killer thread ends the app with SIGKILL
 * at random moments and starts it again. The driver behaves as a careful client: a request that got no answer is
 * sent again with the same Idempotency-Key. Mail goes to {@link TestMail}; hand-offs to a receiver of its own that
 * counts them.
 */
public final class LifecycleDriver implements AutoCloseable {

    private static final ZoneId MASSACHUSETTS = ZoneId.of("America/New_York");
    private static final String[] COMPONENTS = {"INVESTIGATE", "PREPARE", "ACT", "ASSESS"};
    /** The demo's scorers who may score a Springfield candidate of BAYSTATE-LEAD. */
    private static final List<String> DEMO_SCORERS = List.of("sam", "quinn", "kai", "lee");
    /** What each of the suite's own scorers may hold open at once (the pool's maximum is 200). */
    private static final int OWN_SCORER_CAPACITY = 100;
    /** How candidates arrive: each registering over the API, or the coordinator importing them all by CSV. */
    public enum Arrival { REGISTRATION, CSV_IMPORT }

    /**
     * What a run measured: how long after the app was first ready each stage was done for every candidate; each
     * candidate's time from its first request to its four tasks submitted, in the order they began; how long
     * the app took to be ready after each kill; and the CPU time each process used from ready to the last stage, and
     * the (first) app's by its threads (none for a run with kills, whose app processes come and go); the requests
     * the driver sent, by method, path (numbers as {@code {id}}) and status of their answer.
     */
    public record Figures(int candidates, int kills, Duration total, Map<String, Duration> stagesDone,
            List<Duration> candidateTimes, List<Duration> readyAfterKill, List<String> nearDuplicatesFound,
            Map<String, Duration> cpuUsed, Map<String, Duration> cpuByThreads, List<StatementDigest> statements,
            Map<String, Long> requests) {
    }

    /** What MariaDB counted under one statement digest: runs, time spent in them, rows read. */
    public record StatementDigest(long runs, Duration time, long rowsRead, String text) {
    }

    /** CPU time this JVM has used so far, on all its threads. */
    public static Duration cpuOfThisJvm() {
        return Duration.ofNanos(((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime());
    }

    private static final AtomicInteger RUNS = new AtomicInteger();

    private final int candidates;
    private final int kills;
    private final Arrival arrival;
    private final int clientThreads = Integer.getInteger("pal.lifecycle.clients", 8);
    /** Long enough for the slowest stage of the largest run to finish for every candidate. */
    private final Duration patience;
    private final Random random;
    private final Path dataDir;
    private final Path clockFile;
    private final Path realmFile;
    private final int httpPort = FreePorts.any();
    private final int enginePort = FreePorts.any();
    private final int databasePort = FreePorts.any();
    /** A second app instance on the first one's database, engine and files, or none. */
    private Process second;
    private int secondPort;
    /**
     * Each user's client, kept as a browser or a script keeps its connections: a new one per request cost the driver
     * (which shares the machine's two cores with the app) a fifth as much CPU as the app itself, and the app a new
     * connection per request.
     */
    private final Map<String, Api> apis = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    /**
     * The candidates' mail domain, one per run: runs in one JVM share the test mail server, and a second run's
     * candidates must not find the first run's mail in their mailboxes.
     */
    private final String mailDomain = "run" + RUNS.incrementAndGet() + ".crash.example";
    private final Map<String, AtomicInteger> handoffs = new ConcurrentHashMap<>();
    private final Map<String, String> handoffPayloads = new ConcurrentHashMap<>();
    private final HttpServer receiver;
    private final List<Duration> readyAfterKill = new ArrayList<>();
    private final Map<String, Duration> stagesDone = new LinkedHashMap<>();
    private final List<String> nearDuplicatesFound = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<String> scorers = new ArrayList<>(DEMO_SCORERS);
    private volatile Process child;
    private boolean twoInstances;
    private boolean statementStatistics;
    private volatile Duration clockAhead = Duration.ZERO;
    private int starts;

    public LifecycleDriver(String name, int candidates, int kills, Arrival arrival, long seed) {
        this.candidates = candidates;
        this.kills = kills;
        this.arrival = arrival;
        this.patience = Duration.ofMinutes(5).plusSeconds(candidates);
        this.random = new Random(seed);
        this.dataDir = TestDataDirs.fresh(name);
        this.clockFile = dataDir.resolve("clock-offset");
        this.realmFile = dataDir.resolve("realm.json");
        for (int i = 1; i <= Math.ceilDiv(candidates * 4, OWN_SCORER_CAPACITY); i++) {
            scorers.add(String.format("crash-scorer%03d", i));
        }
        this.receiver = startReceiver();
    }

    /**
     * Runs a second app instance beside the first, on its database, its engine and its folder of files, as
     * instances behind a load balancer share one database and one Zeebe cluster; requests go to either at random.
     * Candidates 1 and 2 then share a passage in their Task 3, screened at the same deadline by whichever instance
     * takes each job: the later one must be found as a near-duplicate (and is cleared by the admin).
     */
    public LifecycleDriver twoInstances() {
        if (kills > 0) {
            throw new IllegalArgumentException("The crash suite kills one instance; run two without kills");
        }
        this.twoInstances = true;
        return this;
    }

    /**
     * Starts the embedded MariaDB with its statement statistics on, and reads them after the hand-offs: which
     * statements ran, how often, for how long. They cost the database CPU, so paces measured with them compare
     * only with paces measured with them.
     */
    public LifecycleDriver statementStatistics() {
        this.statementStatistics = true;
        return this;
    }

    /** The engine's files of the child app. */
    public Path engineFolder() {
        return dataDir.resolve("zeebe");
    }

    /**
     * The first candidate's name is as long as a name may be (200 characters, accents and an apostrophe): it goes
     * into mails, the cohort's projection, the hand-off and every composed text on the way, each of which must
     * hold it.
     */
    static String fullNameOf(int i, String run) {
        String name = run + " Candidate " + i;
        if (i != 1) {
            return name;
        }
        String longest = name + " Zoë Ñúñez-O'Brien".repeat(20);
        return longest.substring(0, 200).strip();
    }

    public String candidate(int i) {
        return String.format("crash%04d", i);
    }

    public String emailOf(int i) {
        return candidate(i) + ".candidate@" + mailDomain;
    }

    /** The payload ELAR applied under each key (the first one sent with it). */
    public Map<String, String> handoffsApplied() {
        return Map.copyOf(handoffPayloads);
    }

    /**
     * Every candidate decided and handed off once, at the receiver; one welcome and one mentorship mail each, one
     * score-report mail per task, as the candidate's mail client shows them (a kill between the SMTP server taking a
     * message and its delivery being recorded sends a copy with the same Message-ID).
     */
    public void assertEveryEffectOnce(Figures figures) {
        assertThat(figures.readyAfterKill()).as("kills survived").hasSize(figures.kills());
        Collection<String> payloads = handoffsApplied().values();
        assertThat(payloads).as("one hand-off applied per passing decision").hasSize(candidates);
        for (int i = 1; i <= candidates; i++) {
            String mepid = String.format("\"mepid\":\"%08d\"", 10_000_000 + i);
            assertThat(payloads).as("hand-offs naming candidate " + i).filteredOn(p -> p.contains(mepid)).hasSize(1);
            // A report date releases every score report of the cohort at once, and two threads deliver mail:
            // the first candidates' reports may still wait behind the others' when the last hand-off is done.
            TestMail.awaitSubjectsTo(Duration.ofMinutes(5), emailOf(i), "Welcome to PAL Flow", "Your PAL mentor",
                    "Your PAL Task 1 score report", "Your PAL Task 2 score report", "Your PAL Task 3 score report",
                    "Your PAL Task 4 score report");
            List<String> subjects = TestMail.subjectsShownTo(emailOf(i));
            assertThat(subjects).as("welcome mails of candidate " + i).filteredOn("Welcome to PAL Flow"::equals)
                    .hasSize(1);
            assertThat(subjects).as("mentorship mails of candidate " + i).filteredOn("Your PAL mentor"::equals)
                    .hasSize(1);
            for (int task = 1; task <= 4; task++) {
                assertThat(subjects).as("Task " + task + " score releases of candidate " + i)
                        .filteredOn(("Your PAL Task " + task + " score report")::equals).hasSize(1);
            }
        }
    }

    /**
     * No error from the engine in any of the app's logs. A kill may leave commands written but not processed; after
     * the restart their answers have nobody to go to, and an engine that fails on that skips the rest of those
     * commands' side effects.
     */
    public void assertTheEngineLoggedNoError() throws IOException {
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> appLogs = files.filter(file -> file.getFileName().toString().matches("app-\\d+\\.log")).toList();
            for (Path appLog : appLogs) {
                Files.readAllLines(appLog, java.nio.charset.StandardCharsets.ISO_8859_1).stream()
                        .filter(line -> line.contains(" ERROR ") && line.contains("zb-actors-"))
                        .forEach(errors::add);
            }
        }
        assertThat(errors).as("errors the engine logged").isEmpty();
    }

    /** Runs the lifecycle for every candidate (under the killer, if any), until every one is handed off. */
    public Figures run() throws Exception {
        writeRealm();
        writeScorerMigration();
        Instant began = Instant.now();
        start();
        if (twoInstances) {
            startSecondInstance();
        }
        Instant ready = Instant.now();
        Map<String, Duration> cpuAtReady = cpuNow();
        ThreadCpu.Reading appThreadsAtReady = ThreadCpu.read(child.toHandle());
        Thread killer = Thread.ofPlatform().name("crash-killer").start(this::killAtRandom);
        ExecutorService clients = Executors.newFixedThreadPool(clientThreads);
        try {
            JsonNode window = call("alex", api -> api.post("/api/scoring-windows", Map.of("name", "Lifecycle window",
                    "submissionDeadline", today().plusDays(1).toString(), "scoreReportDate",
                    today().plusDays(30).toString(), "accepts", List.of(Map.of("handbookVersion", "2025-26",
                            "tasks", List.of(1, 2, 3, 4)))), "lifecycle-window"), done());
            Map<Integer, Long> imported = Map.of();
            if (arrival == Arrival.CSV_IMPORT) {
                imported = importCohort();
                stageDone("imported", ready);
            }
            List<Future<Duration>> drafted = new ArrayList<>();
            Map<Integer, Long> importedRegistrations = imported;
            Map<Integer, Long> registrations = new ConcurrentHashMap<>(imported);
            Map<Integer, Instant> mentored = new ConcurrentHashMap<>();
            for (int i = 1; i <= candidates; i++) {
                int candidate = i;
                drafted.add(clients.submit(() -> {
                    Instant first = Instant.now();
                    Long registration = importedRegistrations.get(candidate);
                    if (registration == null) {
                        registration = register(candidate);
                    }
                    registrations.put(candidate, registration);
                    mentor(candidate, registration);
                    mentored.put(candidate, Instant.now());
                    for (int task = 1; task <= 4; task++) {
                        draftAndSubmit(candidate(candidate), task, candidate * 10L + task);
                    }
                    return Duration.between(first, Instant.now());
                }));
            }
            List<Duration> candidateTimes = new ArrayList<>();
            for (Future<Duration> candidate : drafted) {
                candidateTimes.add(candidate.get());
            }
            stagesDone.put("mentored", Duration.between(ready, java.util.Collections.max(mentored.values())));
            stageDone("four tasks submitted", ready);
            moveClockTo(LocalDate.parse(window.get("submissionDeadline").asText()).plusDays(1));
            scoreEverySubmission(candidates * 4, clients);
            stageDone("screened and scored", ready);
            moveClockTo(LocalDate.parse(window.get("scoreReportDate").asText()));
            for (long registration : registrations.values()) {
                awaitValue("decision of " + registration, () -> Optional.of(api("casey").get("/api/candidates/"
                        + registration + "/licensure-decision")).filter(r -> r.getStatusCode().value() == 200)
                        .map(ResponseEntity::getBody).filter(d -> "SENT".equals(d.path("handoff").asText())));
            }
            stageDone("released, decided and handed off", ready);
            Map<String, Duration> cpuUsed = new LinkedHashMap<>();
            Map<String, Duration> cpuByThreads = Map.of();
            if (kills == 0) {
                cpuNow().forEach((process, cpu) -> cpuUsed.put(process, cpu.minus(cpuAtReady.get(process))));
                cpuByThreads = ThreadCpu.usedBetween(appThreadsAtReady, ThreadCpu.read(child.toHandle()));
            }
            killer.join();
            return new Figures(candidates, kills, Duration.between(began, Instant.now()), stagesDone, candidateTimes,
                    readyAfterKill, List.copyOf(nearDuplicatesFound), cpuUsed, cpuByThreads,
                    statementStatistics ? statementDigests() : List.of(), requestsSent());
        } finally {
            clients.shutdownNow();
            killer.interrupt();
        }
    }

    /** MariaDB's statement statistics, the statements that took longest first. */
    private List<StatementDigest> statementDigests() {
        try (Connection connection = DriverManager.getConnection(EmbeddedDefaults.jdbcUrl(databasePort, ""), "root",
                "");
                Statement statement = connection.createStatement();
                ResultSet digests = statement.executeQuery("SELECT COUNT_STAR, SUM_TIMER_WAIT, SUM_ROWS_EXAMINED, "
                        + "DIGEST_TEXT FROM performance_schema.events_statements_summary_by_digest "
                        + "ORDER BY SUM_TIMER_WAIT DESC")) {
            List<StatementDigest> statements = new ArrayList<>();
            while (digests.next()) {
                // The timer counts picoseconds.
                statements.add(new StatementDigest(digests.getLong(1),
                        Duration.ofNanos(digests.getLong(2) / 1_000), digests.getLong(3),
                        String.valueOf(digests.getString(4))));
            }
            return statements;
        } catch (SQLException e) {
            throw new IllegalStateException("MariaDB's statement statistics could not be read", e);
        }
    }

    /**
     * CPU time used so far by the app instances, by their database (MariaDB runs as a child process of the first
     * instance) and by this JVM, which holds the driver's clients and the test mail server.
     */
    private Map<String, Duration> cpuNow() {
        List<ProcessHandle> apps = Stream.of(child, second).filter(Objects::nonNull).map(Process::toHandle)
                .toList();
        Map<String, Duration> cpu = new LinkedHashMap<>();
        cpu.put("app", cpuOf(apps.stream()));
        cpu.put("database", cpuOf(apps.stream().flatMap(ProcessHandle::descendants)));
        cpu.put("driver and test mail server", cpuOfThisJvm());
        return cpu;
    }

    private static Duration cpuOf(Stream<ProcessHandle> processes) {
        return processes.map(process -> process.info().totalCpuDuration().orElse(Duration.ZERO))
                .reduce(Duration.ZERO, Duration::plus);
    }

    private void stageDone(String stage, Instant ready) {
        stagesDone.put(stage, Duration.between(ready, Instant.now()));
    }

    /** The coordinator imports every candidate in one file; the registration of each, by candidate number. */
    private Map<Integer, Long> importCohort() {
        StringBuilder csv = new StringBuilder(
                "full_name,email,district,school,handbook_version,policies_confirmed\n");
        for (int i = 1; i <= candidates; i++) {
            csv.append(fullNameOf(i, "Lifecycle")).append(',').append(emailOf(i))
                    .append(",Springfield Public Schools,Lincoln Elementary School,2025-26,true\n");
        }
        JsonNode report = call("casey", api -> api.postCsv("/api/programs/BAYSTATE-LEAD/cohorts/2026-FALL"
                + "/registrations", csv.toString(), "import-cohort"), done());
        Map<Integer, Long> registrations = new LinkedHashMap<>();
        for (JsonNode row : report.get("rows")) {
            registrations.put(row.get("line").asInt() - 1, row.get("registrationId").asLong());
        }
        return registrations;
    }

    private long register(int i) {
        String user = candidate(i);
        return call(user, api -> api.post("/api/registrations", Map.of("fullName",
                fullNameOf(i, "Crash"), "email", emailOf(i), "programCode", "BAYSTATE-LEAD", "cohortCode",
                "2026-FALL", "district", "Springfield Public Schools", "school", "Lincoln Elementary School",
                "handbookVersion", "2025-26", "policiesConfirmed", true), "register-" + user), done())
                .get("id").asLong();
    }

    private void mentor(int i, long registration) {
        String user = candidate(i);
        awaitStage(registration, "AWAITING_MENTOR_PROPOSAL");
        long proposal = call("casey", api -> api.post("/api/candidates/" + registration + "/mentor-proposals",
                Map.of("mentorId", 1), "propose-" + user), done()).get("id").asLong();
        awaitStage(registration, "AWAITING_MENTOR_RESPONSE");
        call("morgan", api -> api.postEmpty("/api/mentor-proposals/" + proposal + "/acceptance", "accept-" + user),
                done());
        awaitStage(registration, "MENTORED");
        call(user, api -> api.put("/api/registrations/" + registration + "/licensure-identifiers",
                Map.of("mepid", String.format("%08d", 10_000_000 + i))), done());
    }

    private void draftAndSubmit(String user, int task, long seed) {
        JsonNode draft = call(user, api -> api.post("/api/drafts", Map.of("task", task), "draft-" + user + "-" + task),
                done());
        long draftId = draft.get("id").asLong();
        call(user, api -> api.put("/api/drafts/" + draftId + "/details", Map.of("priorityArea", "Grade 5 mathematics",
                "collaborationPoints", "None", "collaborationRationale", "None", "collaborationRoles", "None")), done());
        Random text = new Random(seed);
        boolean planted = twoInstances && task == 3 && (user.equals(candidate(1)) || user.equals(candidate(2)));
        for (JsonNode part : draft.get("parts")) {
            String code = part.get("code").asText();
            boolean video = part.get("kind").asText().equals("VIDEO");
            byte[] file = video ? EvidenceFixtures.mp4(user + seed + code)
                    : EvidenceFixtures.docx(part.get("kind").asText().equals("FORM")
                            ? "[X] anonymized [X] no identifying images"
                            : (planted && code.equals("B") ? SHARED_PASSAGE + " " : "") + prose(text));
            call(user, api -> api.putBytes("upload-" + draftId + "-" + code,
                    "/api/drafts/{draft}/parts/{part}/file?name={name}", file, draftId, code,
                    code + (video ? ".mp4" : ".docx")), done());
        }
        if (task == 1) {
            for (String component : COMPONENTS) {
                call(user, api -> api.postEmpty("/api/drafts/" + draftId + "/components/" + component + "/done",
                        "done-" + draftId + "-" + component), done());
                call("morgan", api -> api.post("/api/drafts/" + draftId + "/components/" + component + "/review",
                        Map.of("approved", true), "review-" + draftId + "-" + component), done());
            }
        }
        // Refused (409) until the files' text is read: nothing is stored then, so each try is a new request.
        awaitValue("submission of draft " + draftId, () -> Optional.of(api(user).post("/api/drafts/" + draftId
                + "/submission", Map.of("acknowledgeWarnings", true), "submit-" + draftId + "-" + random.nextLong()))
                .filter(r -> r.getStatusCode().is2xxSuccessful()));
    }

    /** Every scorer, side by side, scores what is listed for them until {@code expected} scores are recorded. */
    private void scoreEverySubmission(int expected, ExecutorService clients) {
        Map<Long, Boolean> scored = new ConcurrentHashMap<>();
        List<java.util.concurrent.Callable<Boolean>> rounds = scorers.stream()
                .<java.util.concurrent.Callable<Boolean>>map(scorer -> () -> scoreListed(scorer, scored)).toList();
        awaitValue(expected + " scorings", () -> {
            try {
                for (Future<Boolean> round : clients.invokeAll(rounds)) {
                    round.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RestClientException unreachable) {
                    throw unreachable;
                }
                throw new IllegalStateException(e.getCause());
            }
            clearReviews();
            return scored.size() >= expected ? Optional.of(true) : Optional.empty();
        });
    }

    /** A submission screened as a near-duplicate waits for the admin, who clears it here (the passage is planted). */
    private void clearReviews() {
        ResponseEntity<JsonNode> open = api("alex").get("/api/admin/reviews");
        if (open.getStatusCode().value() != 200) {
            return;
        }
        for (JsonNode review : open.getBody()) {
            long submission = review.get("submissionId").asLong();
            ResponseEntity<JsonNode> decided = api("alex").post("/api/admin/reviews/" + submission + "/decision",
                    Map.of("outcome", "CLEARED", "note", "Planted by the lifecycle benchmark"));
            if (decided.getStatusCode().is2xxSuccessful()) {
                nearDuplicatesFound.add("submission " + submission + " matched " + review.get("matchedSubmissionId")
                        + " (" + review.get("sharedFingerprints") + " shared fingerprints)");
            }
        }
    }

    private boolean scoreListed(String scorer, Map<Long, Boolean> scored) {
        ResponseEntity<JsonNode> list = api(scorer).get("/api/scorer/assignments?status=OPEN");
        if (list.getStatusCode().value() != 200) {
            return false;
        }
        for (JsonNode assignment : list.getBody()) {
            long id = assignment.get("assignmentId").asLong();
            if (!scored.containsKey(id)) {
                ResponseEntity<JsonNode> answer = api(scorer).post("/api/scorer/assignments/" + id + "/score",
                        sheet(assignment.get("task").asInt()), "score-" + id);
                if (answer.getStatusCode().value() == 200) {
                    scored.put(id, true);
                }
            }
        }
        return true;
    }

    private static Map<String, Object> sheet(int task) {
        Map<String, Object> indicators = new LinkedHashMap<>();
        for (String rubric : new String[] {"a", "b", "c"}) {
            for (int n = 1; n <= 2; n++) {
                indicators.put(task + "." + rubric + "." + n, Map.of("score", "3.00"));
            }
        }
        return Map.of("indicators", indicators);
    }

    /** The 120 words both planted submissions carry. */
    private static final String SHARED_PASSAGE = prose(new Random(150));

    private static String prose(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            text.append(Long.toString(random.nextLong(36L * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36), 36)).append(' ');
        }
        return text.toString();
    }

    private void awaitStage(long registration, String stage) {
        awaitValue(stage, () -> Optional.of(api("casey").get("/api/candidates/" + registration + "/progress"))
                .filter(r -> r.getStatusCode().value() == 200 && stage.equals(r.getBody().path("stage").asText())));
    }

    /** Moves the child's clock and its engine's to one minute past the start of {@code date}. */
    private synchronized void moveClockTo(LocalDate date) {
        Duration ahead = Duration.between(Instant.now(), date.atStartOfDay(MASSACHUSETTS).plusMinutes(1).toInstant());
        if (ahead.compareTo(clockAhead) > 0) {
            clockAhead = ahead;
            ChildApp.setClockOffset(clockFile, ahead);
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(Instant.now().plus(clockAhead), MASSACHUSETTS);
    }

    /** Requests are spread over the instances at random, as a load balancer in front of them would. */
    private Api api(String user) {
        int port = second != null && random.nextBoolean() ? secondPort : httpPort;
        return apis.computeIfAbsent(port + "/" + user, key -> Api.as(port, user, this::counted));
    }

    private ClientHttpResponse counted(HttpRequest request, byte[] body, ClientHttpRequestExecution execution)
            throws IOException {
        ClientHttpResponse response = execution.execute(request, body);
        String path = request.getURI().getPath().replaceAll("/\\d+(?=/|$)", "/{id}");
        requests.computeIfAbsent(request.getMethod() + " " + path + " " + response.getStatusCode().value(),
                key -> new LongAdder()).increment();
        return response;
    }

    private Map<String, Long> requestsSent() {
        Map<String, Long> sent = new java.util.TreeMap<>();
        requests.forEach((request, count) -> sent.put(request, count.sum()));
        return sent;
    }

    /** Created, or found already created by an earlier try whose answer was lost. */
    private static Predicate<ResponseEntity<JsonNode>> done() {
        return r -> r.getStatusCode().is2xxSuccessful();
    }

    /** Sends the request until it is answered as expected; an answer that is not (a 4xx) fails the run. */
    private JsonNode call(String user, java.util.function.Function<Api, ResponseEntity<JsonNode>> request,
            Predicate<ResponseEntity<JsonNode>> expected) {
        return awaitValue("an answer to " + user, () -> {
            ResponseEntity<JsonNode> answer = request.apply(api(user));
            if (expected.test(answer)) {
                return Optional.of(answer.getBody() == null ? new ObjectMapper().createObjectNode() : answer.getBody());
            }
            if (answer.getStatusCode().value() == 409 && String.valueOf(answer.getBody()).contains("still being")) {
                return Optional.empty(); // the first try died with the app; its claim lapses shortly
            }
            if (answer.getStatusCode().is4xxClientError()) {
                throw new AssertionError("Refused: " + answer.getStatusCode() + " " + answer.getBody());
            }
            return Optional.empty();
        });
    }

    /** Tries until the probe has a value; while the app is down or restarting, requests fail and are tried again. */
    private <T> T awaitValue(String what, Supplier<Optional<T>> probe) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            try {
                Optional<T> value = probe.get();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (RestClientException unreachable) {
                // The app is down: it is being restarted.
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("No " + what + " within " + patience);
    }

    private void killAtRandom() {
        try {
            for (int k = 0; k < kills; k++) {
                // A larger run lasts longer: its kills are spread over it, not all in its first minutes.
                Thread.sleep(Duration.ofMillis(4_000 + random.nextInt(10_000 * Math.max(1, candidates / 50))));
                child.destroyForcibly().waitFor();
                Instant killed = Instant.now();
                start();
                readyAfterKill.add(Duration.between(killed, Instant.now()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void start() {
        // Ports a second instance is pointed at, or the statistics are read from; otherwise any free one at each start.
        List<String> arguments = new ArrayList<>(
                List.of("--pal.zeebe.embedded.port=" + (twoInstances ? enginePort : 0)));
        if (twoInstances || statementStatistics) {
            arguments.add("--pal.database.embedded.port=" + databasePort);
        }
        if (statementStatistics) {
            arguments.add("--" + EmbeddedDefaults.DATABASE_STATEMENT_STATISTICS + "=true");
        }
        if (kills > 0) {
            arguments.addAll(List.of("--pal.process.catch-up-every=PT2S", "--pal.process.catch-up-after=PT5S",
                    // Snapshots and compaction often enough that kills land between them and replay starts
                    // from a snapshot, not from the beginning of the log.
                    "--pal.zeebe.embedded.snapshot-every=PT5S", "--pal.zeebe.embedded.segment-size=1MB"));
        }
        child = launch(httpPort, arguments, "app-" + (++starts) + ".log");
    }

    /** Configured for real services, which are the first instance's embedded ones. */
    private void startSecondInstance() {
        secondPort = FreePorts.any();
        second = launch(secondPort, List.of(
                "--spring.datasource.url=" + EmbeddedDefaults.jdbcUrl(databasePort, EmbeddedDefaults.DATABASE_NAME),
                "--spring.datasource.username=root", "--spring.datasource.password=",
                "--spring.jpa.database-platform=org.hibernate.dialect.MySQLDialect",
                "--camunda.client.grpc-address=http://127.0.0.1:" + enginePort,
                "--camunda.client.prefer-rest-over-grpc=false"), "second-instance.log");
    }

    private Process launch(int port, List<String> arguments, String logName) {
        Path log = dataDir.resolve(logName);
        Process app;
        try {
            List<String> appArguments = new ArrayList<>(List.of(
                    "--server.port=" + port, "--spring.flyway.locations=classpath:db/migration,classpath:db/demo,"
                            + "filesystem:" + dataDir.resolve("migrations"), "--pal.test.clock-file=" + clockFile,
                    "--pal.data-dir=" + dataDir, "--pal.auth.realm-file=file:" + realmFile,
                    "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + TestMail.port(),
                    "--pal.licensure.elar-url=http://127.0.0.1:" + receiver.getAddress().getPort() + "/",
                    "--pal.licensure.retry-backoff=PT1S",
                    "--logging.level.root=WARN", "--logging.level.org.palflow.platform.embedded=INFO",
                    "--logging.level.org.palflow.PalFlowApplication=INFO"));
            appArguments.addAll(arguments);
            List<String> command = ChildApp.command(List.of("-Xmx768m", "-XX:+UseSerialGC"), appArguments);
            app = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!app.isAlive() || logSays(log, "Application run failed")) {
                throw new AssertionError("The app did not start; see " + log);
            }
            try {
                if (Api.anonymous(port).get("/actuator/health/readiness").getStatusCode().value() == 200) {
                    return app;
                }
            } catch (RestClientException notYet) {
                // still starting
            }
            sleep(Duration.ofMillis(200));
        }
        throw new AssertionError("The app did not become ready in 3 minutes; see " + log);
    }

    private static boolean logSays(Path log, String text) {
        try {
            return Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The committed realm plus the run's candidates, who sign in as {@code <name>} / {@code <name>-pal}. */
    private void writeRealm() throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode realm = (ObjectNode) json.readTree(Path.of("keycloak", "pal-realm.json").toFile());
        ArrayNode users = (ArrayNode) realm.get("users");
        for (int i = 1; i <= candidates; i++) {
            ObjectNode user = users.addObject().put("username", candidate(i)).put("enabled", true)
                    .put("emailVerified", true).put("firstName", "Crash").put("lastName", "Candidate " + i)
                    .put("email", emailOf(i));
            user.putArray("credentials").addObject().put("type", "password").put("value", candidate(i) + "-pal")
                    .put("temporary", false);
            user.putArray("realmRoles").add("candidate");
        }
        for (String scorer : ownScorers()) {
            ObjectNode user = users.addObject().put("username", scorer).put("enabled", true)
                    .put("emailVerified", true).put("firstName", "Crash").put("lastName", "Scorer")
                    .put("email", scorer + "@crash.example");
            user.putArray("credentials").addObject().put("type", "password").put("value", scorer + "-pal")
                    .put("temporary", false);
            user.putArray("realmRoles").add("scorer");
        }
        Files.createDirectories(dataDir);
        json.writeValue(realmFile.toFile(), realm);
    }

    private List<String> ownScorers() {
        return scorers.subList(DEMO_SCORERS.size(), scorers.size());
    }

    /**
     * The demo's four eligible scorers hold 100 assignments at once, so a larger run brings its own pool (Boston,
     * no program: never in conflict with a Springfield candidate), added at the child's first start by a migration
     * after the demo's.
     */
    private void writeScorerMigration() throws IOException {
        String rows = ownScorers().stream().map(scorer -> String.format("('%s', 'Crash Scorer', '%s@crash.example', "
                + "'Boston Public Schools', '00350000', NULL, %d, TRUE)", scorer, scorer, OWN_SCORER_CAPACITY))
                .collect(java.util.stream.Collectors.joining(",\n"));
        String sql = "INSERT INTO scorer (username, full_name, email, district, district_code, program_code, capacity, "
                + "active) VALUES\n" + rows + ";\n";
        Path migrations = Files.createDirectories(dataDir.resolve("migrations"));
        Files.writeString(migrations.resolve("V99_1__crash_scorers.sql"), sql);
    }

    private HttpServer startReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
                handoffPayloads.putIfAbsent(key, body);
                boolean first = handoffs.computeIfAbsent(key, k -> new AtomicInteger()).getAndIncrement() == 0;
                exchange.sendResponseHeaders(first ? 201 : 200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the apps cleanly (the first one last: it runs the database server and the engine), its server too. */
    @Override
    public void close() throws InterruptedException {
        stop(second);
        stop(child);
        receiver.stop(0);
        assertDatabaseServerStopped();
    }

    /** A server that stopped removes its pid file: one left behind means the app's stop left the server running. */
    private void assertDatabaseServerStopped() {
        Path serverFiles = dataDir.resolve("mariadb").resolve("data");
        if (!Files.isDirectory(serverFiles)) {
            return;
        }
        try (Stream<Path> files = Files.list(serverFiles)) {
            List<Path> pidFiles = files.filter(file -> file.getFileName().toString().endsWith(".pid")).toList();
            if (!pidFiles.isEmpty()) {
                throw new AssertionError("The app stopped but left its MariaDB server running: " + pidFiles);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stop(Process app) throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            if (!app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }
}
