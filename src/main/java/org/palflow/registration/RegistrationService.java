package org.palflow.registration;

import org.palflow.program.Program;
import org.palflow.program.Programs;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.palflow.platform.data.StoreOrFind;
import org.palflow.platform.mail.Notifier;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.platform.web.ApiProblem;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Registration and the candidate-registration process's steps; other features use {@link Candidates}. */
@Service
class RegistrationService {

    static final Set<RegistrationStatus> OPEN = EnumSet.of(RegistrationStatus.SUBMITTED, RegistrationStatus.ACTIVE);

    private final RegistrationRepository registrations;
    private final RegistrationRules rules;
    private final Programs programs;
    private final Notifier notifier;
    private final ApplicationEventPublisher events;
    private final CaseVisibility visibility;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RegistrationService(RegistrationRepository registrations, RegistrationRules rules, Programs programs,
            Notifier notifier, ApplicationEventPublisher events, CaseVisibility visibility, Clock clock,
            TransactionTemplate transactions) {
        this.transactions = transactions;
        this.visibility = visibility;
        this.registrations = registrations;
        this.rules = rules;
        this.programs = programs;
        this.notifier = notifier;
        this.events = events;
        this.clock = clock;
    }

    /** The outcome of a registration request: the case, and whether this request created it. */
    record Submitted(Registration registration, boolean created) {
    }

    /**
     * Records a registration, or returns the open one for the same e-mail address so that a client may retry, also
     * at the same moment. The same address with different details is a conflict, never a silent overwrite.
     */
    Submitted submit(RegistrationDetails request, Actor actor) {
        return StoreOrFind.inTransaction(transactions, status -> submitOnce(request, actor));
    }

    private Submitted submitOnce(RegistrationDetails request, Actor actor) {
        List<Map<String, String>> unknown = new ArrayList<>();
        RegistrationRules.Placed placed = rules.place(request.normalized(),
                (field, message) -> unknown.add(Map.of("field", field, "message", message))).orElseThrow(() ->
                        ApiProblem.invalid("The registration was not stored: " + unknown.get(0).get("message"),
                                unknown));
        RegistrationDetails details = placed.details();
        if (!actor.is(Role.COORDINATOR) && !details.email().equals(actor.email())) {
            throw ApiProblem.forbidden("Candidates register themselves: use the e-mail address you log in with ("
                    + actor.email() + "). A coordinator can register others.");
        }
        Optional<Registration> open = registrations.findByEmailAndStatusIn(details.email(), OPEN);
        if (open.isPresent()) {
            return new Submitted(sameOrConflict(open.get(), details), false);
        }
        return new Submitted(store(new Registration(placed, actor.username(), Instant.now(clock))), true);
    }

    /** Stores a new registration and, in the same transaction, the event that its process is owed. */
    Registration store(Registration registration) {
        Registration stored = registrations.saveAndFlush(registration);
        events.publishEvent(new RegistrationSubmitted(stored.getId()));
        return stored;
    }

    private static Registration sameOrConflict(Registration existing, RegistrationDetails details) {
        if (!existing.details().equals(details)) {
            throw ApiProblem.conflict("The e-mail address " + details.email() + " is already registered (case "
                    + existing.getId() + ") with other details. Ask a coordinator to correct them.",
                    Map.of("existingRegistrationId", existing.getId()));
        }
        return existing;
    }

    @Transactional(readOnly = true)
    Optional<Registration> findOpen(String email) {
        return registrations.findByEmailAndStatusIn(email.trim().toLowerCase(), OPEN);
    }

    /** Records the candidate's MEPID, which licensure sends to the state; eight digits. */
    @Transactional
    Registration setMepid(long id, String mepid, Actor actor) {
        Registration registration = visibleTo(id, actor);
        if (mepid == null || !mepid.matches("\\d{8}")) {
            throw ApiProblem.invalid("The MEPID is not valid.", List.of("mepid must be the eight digits of the "
                    + "Massachusetts Education Personnel Identifier"));
        }
        registration.setMepid(mepid, Instant.now(clock));
        return registration;
    }

    /** The registration, if its case is one the person may see. */
    @Transactional(readOnly = true)
    Registration visibleTo(long id, Actor actor) {
        return registrations.findById(id).filter(registration -> visibility.mayRead(registration, actor))
                .orElseThrow(() -> CaseVisibility.notVisible(id));
    }

    @Transactional(readOnly = true)
    Optional<Registration> latestOf(String email) {
        return registrations.findFirstByEmailOrderByIdDesc(email);
    }

    /** The checks of the registration process; a redelivered job gets the decision already taken. */
    @Transactional(readOnly = true)
    List<String> check(long registrationId) {
        Registration registration = load(registrationId);
        return switch (registration.getStatus()) {
            case SUBMITTED -> rules.violations(registration.details());
            case ACTIVE -> List.of();
            case REJECTED -> registration.rejectionReasons();
        };
    }

    @Transactional
    void reject(long registrationId, List<String> reasons) {
        Registration registration = load(registrationId);
        registration.reject(reasons, Instant.now(clock));
        notifier.send("registration-rejected:" + registrationId, registration.getEmail(),
                "Your PAL registration was not accepted",
                "Dear " + registration.getFullName() + ",\n\nYour registration for the Performance Assessment for "
                        + "Leaders could not be accepted:\n\n- " + String.join("\n- ", registration.rejectionReasons())
                        + "\n\nYou may register again once these are put right.\n");
    }

    @Transactional
    void activate(long registrationId) {
        load(registrationId).activate(Instant.now(clock));
    }

    @Transactional
    void welcome(long registrationId) {
        Registration registration = load(registrationId);
        String program = programs.program(registration.getProgramCode())
                .map(Program::name).orElse(registration.getProgramCode());
        notifier.send("welcome:" + registrationId, registration.getEmail(), "Welcome to PAL Flow",
                "Dear " + registration.getFullName() + ",\n\nYou are registered for the Performance Assessment for "
                        + "Leaders with " + program + " (cohort " + registration.getCohortCode() + "), under the "
                        + registration.getHandbookVersion() + " handbook.\nYour coordinator will now propose a "
                        + "mentor from " + registration.getSchool() + ".\n");
    }

    @Transactional
    void recordProcessInstance(long registrationId, long processInstanceKey) {
        registrations.recordProcessInstance(registrationId, processInstanceKey);
    }

    boolean processStarted(long registrationId) {
        return load(registrationId).getProcessInstanceKey() != null;
    }

    private Registration load(long registrationId) {
        return registrations.findById(registrationId)
                .orElseThrow(() -> new IllegalStateException("No registration " + registrationId));
    }
}
