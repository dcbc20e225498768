package org.palflow.scoring;

import org.palflow.program.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.palflow.platform.data.DataFiles;
import org.palflow.platform.web.ApiProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The rubrics the app scores with, loaded and checked at start-up: bands must cover 1.00–4.00 without gap or
 * overlap, indicators must be unique, and every handbook version open for registration needs all four tasks.
 */
@Component
public class RubricCatalog {

    static final String LOCATION = "classpath*:rubrics/*/task-*.json";
    private static final BigDecimal LOWEST = new BigDecimal("1.00");
    private static final BigDecimal HIGHEST = new BigDecimal("4.00");
    private static final BigDecimal STEP = new BigDecimal("0.01");

    private final Map<String, Rubric> rubrics;

    @Autowired
    RubricCatalog(ResourcePatternResolver resources, Programs programs) {
        this(load(resources), programs.openHandbooks());
    }

    /** Every handbook version open for registration must have a rubric for each task. */
    RubricCatalog(Map<String, Rubric> rubrics, List<String> openHandbooks) {
        this.rubrics = rubrics;
        List<String> missing = new ArrayList<>();
        for (String handbook : openHandbooks) {
            for (int task = 1; task <= 4; task++) {
                if (!rubrics.containsKey(DataFiles.key(handbook, task))) {
                    missing.add("task " + task + " of handbook " + handbook);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Handbook versions open for registration lack rubrics: " + missing);
        }
    }

    public Rubric rubric(String handbookVersion, int task) {
        return find(handbookVersion, task).orElseThrow(() -> ApiProblem.notFound("There is no rubric for task " + task
                + " of handbook " + handbookVersion + "."));
    }

    public Optional<Rubric> find(String handbookVersion, int task) {
        return Optional.ofNullable(rubrics.get(DataFiles.key(handbookVersion, task)));
    }

    static Map<String, Rubric> load(Resource... resources) {
        return DataFiles.load(resources, Rubric.class, rubric -> DataFiles.key(rubric.handbookVersion(), rubric.task()),
                RubricCatalog::violations, "rubric");
    }

    private static Map<String, Rubric> load(ResourcePatternResolver resources) {
        try {
            return load(resources.getResources(LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + LOCATION, e);
        }
    }

    static List<String> violations(Rubric rubric) {
        List<String> violations = new ArrayList<>();
        if (rubric.task() < 1 || rubric.task() > 4) {
            violations.add("task must be 1 to 4, not " + rubric.task());
        }
        if (rubric.indicators() == null || rubric.indicators().isEmpty()) {
            violations.add("a rubric needs indicators");
        } else {
            Set<String> codes = new HashSet<>();
            rubric.indicators().stream().map(Rubric.Indicator::code).filter(code -> !codes.add(code))
                    .forEach(code -> violations.add("indicator " + code + " appears twice"));
        }
        if (rubric.conditionCodes() == null || rubric.conditionCodes().containsKey(ScoringRules.NO_SCORE)) {
            violations.add("conditionCodes must be given, and X is not one a scorer applies");
        }
        if (rubric.bands() == null || rubric.bands().isEmpty()) {
            violations.add("a rubric needs bands");
            return violations;
        }
        BigDecimal next = LOWEST;
        for (Rubric.Band band : rubric.bands()) {
            if (band.from().compareTo(next) != 0 || band.to().compareTo(band.from()) < 0) {
                violations.add("band " + band.name() + " must start at " + next + " and not end before it starts");
            }
            next = band.to().add(STEP);
        }
        if (next.subtract(STEP).compareTo(HIGHEST) != 0) {
            violations.add("bands must end at " + HIGHEST);
        }
        return violations;
    }
}
