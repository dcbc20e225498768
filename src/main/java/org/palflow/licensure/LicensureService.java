package org.palflow.licensure;

import org.palflow.program.Handbook;
import org.palflow.program.Programs;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.palflow.platform.mail.Notifier;
import org.palflow.platform.security.Actor;
import org.palflow.platform.time.PalCalendar;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.palflow.registration.CaseVisibility;
import org.palflow.scoring.ScoreStanding;
import org.palflow.scoring.ScoringResults;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides a candidate's licensure from their released scores, stores the decision with its explanation and, for a
 * pass, the hand-off to ELAR in the same transaction (the outbox), then tells the candidate and coordinator.
 */
@Service
public class LicensureService {

    public record DecisionView(long decisionId, long candidateId, boolean passed, BigDecimal average,
            List<LicensureRules.RuleOutcome> rules, List<Integer> tasksToRedo, Instant decidedAt,
            String handoff) {
        // handoff: the state of the hand-off that carries this pass (an unchanged pass is not sent again).
    }

    record Decided(long decisionId, boolean passed, boolean handOff) {
    }

    private final ApplicationEventPublisher events;
    private final ScoringResults results;
    private final Programs programs;
    private final LicensureDecisionRepository decisions;
    private final ElarHandoffRepository handoffs;
    private final Candidates candidates;
    private final CaseVisibility visibility;
    private final Notifier notifier;
    private final ObjectMapper json;
    private final Clock clock;
    private final PalCalendar calendar;

    LicensureService(ScoringResults results, Programs programs, LicensureDecisionRepository decisions,
            ElarHandoffRepository handoffs, Candidates candidates, CaseVisibility visibility,
            Notifier notifier, ObjectMapper json, ApplicationEventPublisher events,
            Clock clock, PalCalendar calendar) {
        this.events = events;
        this.results = results;
        this.decisions = decisions;
        this.handoffs = handoffs;
        this.candidates = candidates;
        this.visibility = visibility;
        this.programs = programs;
        this.notifier = notifier;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Once per process instance: a redelivered job finds the decision it made. */
    @Transactional
    public Decided decide(long candidateId, long processInstanceKey) {
        Optional<LicensureDecision> made = decisions.findByProcessInstanceKey(processInstanceKey);
        if (made.isPresent()) {
            return new Decided(made.get().getId(), made.get().isPassed(), handoffs.existsById(made.get().getId()));
        }
        LicensureRules.Decision decision = LicensureRules.decide(attemptsOf(candidateId), calendar.today());
        Optional<LicensureRules.Decision> previous = decisions.findFirstByCandidateIdOrderByIdDesc(candidateId)
                .map(earlier -> read(earlier.getExplanation()));
        LicensureDecision stored = decisions.saveAndFlush(new LicensureDecision(candidateId, decision.passed(),
                decision.average(), write(decision), Instant.now(clock), processInstanceKey));
        boolean handOff = decision.passed() && !previous.filter(earlier -> sameResult(earlier, decision)).isPresent();
        if (handOff) {
            handoffs.save(new ElarHandoff(stored.getId(), candidateId, write(payload(stored, decision)),
                    Instant.now(clock)));
        }
        events.publishEvent(new LicensureDecided(candidateId, stored.getId()));
        return new Decided(stored.getId(), decision.passed(), handOff);
    }

    /** Every released (or voided) result of the candidate, as the rules read them. */
    List<LicensureRules.Attempt> attemptsOf(long candidateId) {
        Map<String, Handbook> versions = programs.handbooks().stream()
                .collect(Collectors.toMap(Handbook::code, version -> version));
        return results.ofCandidate(candidateId).stream().map(result -> {
            Handbook handbook = versions.get(result.handbookVersion());
            return new LicensureRules.Attempt(result.submissionId(), result.task(), result.handbookVersion(),
                    calendar.dateOf(result.submittedAt()), result.taskScore(), result.voided(),
                    result.reportDate(), result.validUntil(), handbook != null && handbook.pilot(),
                    handbook == null ? null : handbook.tasks12SubmitBy());
        }).toList();
    }

    /** The state already has this pass: same submissions with the same scores. */
    private static boolean sameResult(LicensureRules.Decision earlier, LicensureRules.Decision now) {
        return earlier.passed() && earlier.countedSubmissions().equals(now.countedSubmissions())
                && earlier.taskScores().toString().equals(now.taskScores().toString());
    }

    /**
     * The candidate and their program's coordinator get the decision and its reasons, when it says something the
     * decision before it did not: four scores released together start four decisions, mostly the same.
     */
    @Transactional
    public void announce(long decisionId) {
        LicensureDecision decision = decisions.findById(decisionId).orElseThrow();
        boolean unchanged = decisions.findFirstByCandidateIdAndIdLessThanOrderByIdDesc(decision.getCandidateId(),
                decisionId).filter(previous -> previous.getExplanation().equals(decision.getExplanation())).isPresent();
        if (unchanged) {
            return;
        }
        Candidate candidate = candidates.get(decision.getCandidateId());
        LicensureRules.Decision explained = read(decision.getExplanation());
        String body = (decision.isPassed() ? "You meet the PAL performance standard; your result goes to the state "
                + "for licensure." : "You do not yet meet the PAL performance standard.") + "\n\n"
                + explained.rules().stream().map(rule -> (rule.passed() ? "[met] " : "[not met] ") + rule.explanation())
                        .collect(Collectors.joining("\n"));
        String subject = "Your PAL licensure decision";
        notifier.send("licensure-decision-" + decisionId, candidate.email(), subject, body);
        programs.program(candidate.programCode()).ifPresent(program -> notifier.send(
                "licensure-decision-coordinator-" + decisionId, program.coordinatorEmail(),
                "PAL licensure decision for " + candidate.fullName(), body));
    }

    @Transactional(readOnly = true)
    public DecisionView latest(long candidateId, Actor actor) {
        return find(candidateId, actor).orElseThrow(() -> ApiProblem.notFound("No licensure decision yet for "
                + "candidate " + candidateId + "; one is made whenever a task score is released or expires."));
    }

    /** The latest decision on the case, if one has been made yet. */
    @Transactional(readOnly = true)
    public Optional<DecisionView> find(long candidateId, Actor actor) {
        visibility.visibleCase(candidateId, actor);
        return decisions.findFirstByCandidateIdOrderByIdDesc(candidateId).map(decision -> {
            LicensureRules.Decision explained = read(decision.getExplanation());
            return new DecisionView(decision.getId(), candidateId, decision.isPassed(), LicensureRules.shownAverage(decision.getAverage()),
                    explained.rules(), explained.tasksToRedo(), decision.getDecidedAt(),
                    decision.isPassed() ? handoffs.findFirstByCandidateIdOrderByDecisionIdDesc(candidateId)
                            .map(handoff -> handoff.getStatus().name()).orElse(null) : null);
        });
    }

    private Map<String, Object> payload(LicensureDecision decision, LicensureRules.Decision outcome) {
        Candidate candidate = candidates.get(decision.getCandidateId());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("idempotencyKey", "pal-licensure-decision-" + decision.getId());
        Map<String, Object> identifiers = new LinkedHashMap<>();
        identifiers.put("mepid", candidate.mepid());
        identifiers.put("palCandidateId", candidate.id());
        identifiers.put("fullName", candidate.fullName());
        identifiers.put("email", candidate.email());
        identifiers.put("preparationProgram", candidate.programCode());
        payload.put("candidate", identifiers);
        Map<String, Object> tasks = new LinkedHashMap<>();
        for (int task = 1; task <= 4; task++) {
            tasks.put("task" + task, Map.of("score", ScoreStanding.shown(outcome.taskScores().get(task - 1)), "submissionId",
                    outcome.countedSubmissions().get(task - 1)));
        }
        payload.put("tasks", tasks);
        payload.put("average", LicensureRules.shownAverage(outcome.average()));
        payload.put("decidedAt", decision.getDecidedAt().toString());
        return payload;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private LicensureRules.Decision read(String explanation) {
        try {
            return json.readValue(explanation, new TypeReference<LicensureRules.Decision>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored decision", e);
        }
    }
}
