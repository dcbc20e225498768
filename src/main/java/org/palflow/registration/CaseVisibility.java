package org.palflow.registration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** About 7 MB of addresses at most; past it the remembered ones are forgotten and read again as asked for. */
    private static final int EMAILS_REMEMBERED = 50_000;

    private final RegistrationRepository registrations;
    private final List<Grant> grants;
    /**
     * Each case's candidate, by the e-mail address they sign in with. Nearly every request on a case checks who may
     * read it, and each check read the registration again (about 36 reads a candidate in the lifecycle benchmark).
     * A registration is never deleted and its address never changes, so what one read found stays true, in every
     * instance of the app.
     */
    private final Map<Long, String> candidateEmails = new ConcurrentHashMap<>();

    CaseVisibility(RegistrationRepository registrations, List<Grant> grants) {
        this.registrations = registrations;
        this.grants = grants;
    }

    public boolean mayRead(long candidateId, Actor actor) {
        return candidateEmail(candidateId).filter(email -> mayRead(candidateId, email, actor)).isPresent();
    }

    /** The case, or the same not-found answer whether it does not exist or is not the actor's to see. */
    public Candidate visibleCase(long candidateId, Actor actor) {
        return registrations.findById(candidateId).filter(registration -> mayRead(registration, actor))
                .map(Candidate::of).orElseThrow(() -> notVisible(candidateId));
    }

    public boolean isTheCandidate(long candidateId, Actor actor) {
        return candidateEmail(candidateId).filter(email -> email.equals(actor.email())).isPresent();
    }

    boolean mayRead(Registration registration, Actor actor) {
        return mayRead(registration.getId(), registration.getEmail(), actor);
    }

    private boolean mayRead(long candidateId, String candidateEmail, Actor actor) {
        return actor.seesAllCases() || candidateEmail.equals(actor.email())
                || grants.stream().anyMatch(grant -> grant.mayRead(candidateId, actor));
    }

    private Optional<String> candidateEmail(long candidateId) {
        String remembered = candidateEmails.get(candidateId);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<String> email = registrations.findById(candidateId).map(Registration::getEmail);
        email.ifPresent(found -> {
            if (candidateEmails.size() >= EMAILS_REMEMBERED) {
                candidateEmails.clear();
            }
            candidateEmails.put(candidateId, found);
        });
        return email;
    }

    static ApiProblem notVisible(long candidateId) {
        return ApiProblem.notFound("No case " + candidateId + " that you can see.");
    }
}
