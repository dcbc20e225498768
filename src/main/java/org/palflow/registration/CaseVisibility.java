package org.palflow.registration;

import java.util.List;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.springframework.stereotype.Service;

/**
 * Who may see a candidate's case, for every feature: the candidate, coordinators and admins, and whoever another
 * feature vouches for through a {@link Grant} (mentoring: a mentor their mentees). A case someone may not see is
 * answered exactly as one that does not exist.
 */
@Service
public class CaseVisibility {

    /** Another feature's reason why someone who is not the candidate may read the case. */
    public interface Grant {
        boolean mayRead(long candidateId, Actor actor);
    }

    private final RegistrationRepository registrations;
    private final List<Grant> grants;

    CaseVisibility(RegistrationRepository registrations, List<Grant> grants) {
        this.registrations = registrations;
        this.grants = grants;
    }

    public boolean mayRead(long candidateId, Actor actor) {
        return registrations.findById(candidateId).filter(registration -> mayRead(registration, actor)).isPresent();
    }

    /** The case, or the same not-found answer whether it does not exist or is not the actor's to see. */
    public Candidate visibleCase(long candidateId, Actor actor) {
        return registrations.findById(candidateId).filter(registration -> mayRead(registration, actor))
                .map(Candidate::of).orElseThrow(() -> notVisible(candidateId));
    }

    public boolean isTheCandidate(long candidateId, Actor actor) {
        return registrations.findById(candidateId).map(registration -> isTheCandidate(registration, actor))
                .orElse(false);
    }

    boolean mayRead(Registration registration, Actor actor) {
        return actor.seesAllCases() || isTheCandidate(registration, actor)
                || grants.stream().anyMatch(grant -> grant.mayRead(registration.getId(), actor));
    }

    private static boolean isTheCandidate(Registration registration, Actor actor) {
        return registration.getEmail().equals(actor.email());
    }

    static ApiProblem notVisible(long candidateId) {
        return ApiProblem.notFound("No case " + candidateId + " that you can see.");
    }
}
