package org.palflow.registration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** The candidate records, for the other features: they read candidates here, never the registrations table. */
@Service
public class Candidates {

    private final RegistrationRepository registrations;

    Candidates(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    public Optional<Candidate> find(long candidateId) {
        return registrations.findById(candidateId).map(Candidate::of);
    }

    /** A candidate another record points at, so one that must exist. */
    public Candidate get(long candidateId) {
        return find(candidateId).orElseThrow(() -> new IllegalStateException("No candidate " + candidateId));
    }

    public Map<Long, Candidate> byId(Collection<Long> candidateIds) {
        return registrations.findAllById(candidateIds).stream().map(Candidate::of)
                .collect(Collectors.toMap(Candidate::id, Function.identity()));
    }

    /** The person's most recent registration, whatever became of it. */
    public Optional<Candidate> latestOf(String email) {
        return registrations.findFirstByEmailOrderByIdDesc(email).map(Candidate::of);
    }

    public List<Long> activeIds() {
        return registrations.findIdsByStatus(RegistrationStatus.ACTIVE);
    }

    /** The registration as the API shows it. */
    public RegistrationView view(long candidateId) {
        return RegistrationView.of(registrations.findById(candidateId).orElseThrow());
    }
}
