package org.palflow.scoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.palflow.platform.web.ApiProblem;
import org.palflow.program.District;
import org.palflow.program.Districts;
import org.palflow.program.Programs;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The trained scorers an admin keeps: who they are, their district and program (which they may never score),
 * how many assignments they take, and whether they take any now. A deactivated scorer keeps their recorded scores.
 */
@Service
public class ScorerPool {

    /** Assignments at once a scorer may take at most; more is a typing mistake. */
    static final int MAX_CAPACITY = 200;

    public record NewScorer(String username, String fullName, String email, String district, String programCode,
            Integer capacity) {
    }

    private final ScorerRepository scorers;
    private final Programs programs;
    private final Districts districts;

    ScorerPool(ScorerRepository scorers, Programs programs, Districts districts) {
        this.scorers = scorers;
        this.programs = programs;
        this.districts = districts;
    }

    @Transactional(readOnly = true)
    public List<Scorer> all() {
        return scorers.findAll().stream().sorted(Comparator.comparing(Scorer::getFullName)).toList();
    }

    @Transactional
    public Scorer add(NewScorer scorer) {
        List<String> errors = new ArrayList<>();
        String username = required(scorer.username(), "username", 100, errors);
        String fullName = required(scorer.fullName(), "full name", 200, errors);
        String email = required(scorer.email(), "e-mail", 320, errors);
        String written = required(scorer.district(), "district", 200, errors);
        Optional<District> district = written == null ? Optional.empty() : districts.resolve(written);
        if (written != null && district.isEmpty()) {
            errors.add("district: " + Districts.unknown(written));
        }
        String programCode = scorer.programCode() == null || scorer.programCode().isBlank() ? null
                : scorer.programCode().strip();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add("e-mail must be an address such as sam@example.org");
        }
        if (programCode != null && programs.program(programCode).isEmpty()) {
            errors.add("there is no preparation program " + programCode);
        }
        checkCapacity(scorer.capacity(), errors);
        if (username != null && scorers.findByUsername(username).isPresent()) {
            errors.add("there is already a scorer with username " + username);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The scorer was not added.", errors);
        }
        return scorers.save(new Scorer(username, fullName, email, district.get(), programCode, scorer.capacity()));
    }

    @Transactional
    public Scorer setActive(long scorerId, boolean active) {
        Scorer scorer = find(scorerId);
        scorer.setActive(active);
        return scorer;
    }

    @Transactional
    public Scorer setCapacity(long scorerId, Integer capacity) {
        List<String> errors = new ArrayList<>();
        checkCapacity(capacity, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid("The capacity was not changed.", errors);
        }
        Scorer scorer = find(scorerId);
        scorer.setCapacity(capacity);
        return scorer;
    }

    private Scorer find(long scorerId) {
        return scorers.findById(scorerId).orElseThrow(() -> ApiProblem.notFound("There is no scorer " + scorerId + "."));
    }

    private static void checkCapacity(Integer capacity, List<String> errors) {
        if (capacity == null || capacity < 1 || capacity > MAX_CAPACITY) {
            errors.add("capacity must be a number of assignments from 1 to " + MAX_CAPACITY);
        }
    }

    private static String required(String value, String name, int maxLength, List<String> errors) {
        if (value == null || value.isBlank()) {
            errors.add(name + " is required");
            return null;
        }
        if (value.strip().length() > maxLength) {
            errors.add(name + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }
}
