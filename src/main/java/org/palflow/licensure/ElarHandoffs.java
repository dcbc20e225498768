package org.palflow.licensure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.palflow.platform.process.EngineHandOff;
import org.palflow.platform.process.Incidents;
import org.palflow.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends outbox rows to ELAR: a POST of the payload with an {@code Idempotency-Key} header the receiver can use, so
 * a redelivered job or a retry after a lost answer is harmless. A failure is recorded on the row and handed back
 * to Zeebe, which retries with back-off and raises an incident when retries run out; an admin retries from there.
 */
@Service
public class ElarHandoffs {

    /** ELAR did not take the hand-off; the message says why. */
    public static final class NotDelivered extends RuntimeException {
        NotDelivered(String message) {
            super(message);
        }
    }

    private final ElarHandoffRepository handoffs;
    private final Incidents incidents;
    private final ApplicationEventPublisher events;
    private final Environment environment;
    private final Clock clock;
    private final String configuredUrl;
    private final Duration timeout;
    private final HttpClient http;
    private final ElarCredential credential;

    ElarHandoffs(ElarHandoffRepository handoffs, Incidents incidents, ApplicationEventPublisher events,
            Environment environment, Clock clock, LicensureProperties properties, ElarCredential credential) {
        String configuredUrl = properties.elarUrl() == null ? "" : properties.elarUrl();
        Duration timeout = properties.elarTimeout();
        this.handoffs = handoffs;
        this.incidents = incidents;
        this.events = events;
        this.environment = environment;
        this.clock = clock;
        this.configuredUrl = configuredUrl;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.credential = credential;
    }

    /** Sends the hand-off unless it was sent; throws {@link NotDelivered} with the reason otherwise. */
    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = NotDelivered.class)
    public void send(long decisionId, long jobKey) {
        ElarHandoff handoff = handoffs.findById(decisionId).orElseThrow();
        if (handoff.getStatus() == ElarHandoff.Status.SENT) {
            return;
        }
        String problem;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url())).timeout(timeout)
                    .header("Content-Type", "application/json").header("Idempotency-Key", handoff.getIdempotencyKey())
                    .POST(HttpRequest.BodyPublishers.ofString(handoff.getPayload()));
            credential.authorization().ifPresent(value -> request.header("Authorization", value));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                handoff.sent(Instant.now(clock));
                return;
            }
            problem = "ELAR answered " + response.statusCode() + ": " + response.body();
        } catch (IOException e) {
            problem = "ELAR could not be reached: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            problem = "interrupted while sending to ELAR";
        }
        handoff.failed(problem, jobKey);
        throw new NotDelivered(problem);
    }

    /** A hand-off as admins see it: where it stands, its last error, and whether the engine holds an incident. */
    public record HandoffView(long decisionId, long candidateId, String status, int attempts, String lastError,
            boolean incident) {
    }

    /** Every hand-off, newest first. */
    public List<HandoffView> all() {
        return handoffs.findAllByOrderByDecisionIdDesc().stream().map(this::view).toList();
    }

    public HandoffView view(ElarHandoff handoff) {
        return new HandoffView(handoff.getDecisionId(), handoff.getCandidateId(), handoff.getStatus().name(),
                handoff.getAttempts(), handoff.getLastError(), hasIncident(handoff));
    }

    public boolean hasIncident(ElarHandoff handoff) {
        return handoff.getJobKey() != null && handoff.getStatus() != ElarHandoff.Status.SENT
                && incidents.openIncidentOfJob(handoff.getJobKey()).isPresent();
    }

    /**
     * An admin's retry of a hand-off whose retries ran out: recorded as an event, whose listener gives the job
     * its retries back and resolves the incident.
     */
    @Transactional
    public ElarHandoff retry(long decisionId, int retries) {
        ElarHandoff handoff = handoffs.findById(decisionId)
                .orElseThrow(() -> ApiProblem.notFound("There is no hand-off for decision " + decisionId + "."));
        if (handoff.getStatus() == ElarHandoff.Status.SENT) {
            throw ApiProblem.conflict("The hand-off of decision " + decisionId + " was already delivered.");
        }
        Long jobKey = handoff.getJobKey();
        long incident = (jobKey == null ? java.util.Optional.<Long>empty() : incidents.openIncidentOfJob(jobKey))
                .orElseThrow(() -> ApiProblem.conflict("The hand-off of decision " + decisionId
                        + " is still being retried by the engine; there is no incident to resolve."));
        events.publishEvent(new HandoffRetried(decisionId, jobKey, retries));
        return handoff;
    }

    /** An incident already resolved (the event delivered twice) needs nothing more. */
    @EngineHandOff
    void on(HandoffRetried retried) {
        incidents.openIncidentOfJob(retried.jobKey())
                .ifPresent(incident -> incidents.retry(retried.jobKey(), incident, retried.retries()));
    }

    private String url() {
        if (!configuredUrl.isBlank()) {
            return configuredUrl;
        }
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") + ElarReceiver.PATH;
    }
}
