package org.palflow.drafting;

import org.palflow.program.Programs;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The evidence charts the app runs with, loaded and checked at start-up: an invalid chart, or an open handbook
 * version without a chart for each of the four tasks, stops the app with the reasons.
 */
@Component
public class EvidenceChartCatalog {

    static final String LOCATION = "classpath*:evidence-charts/*/task-*.json";

    private final Map<String, EvidenceChart> charts;

    EvidenceChartCatalog(ResourcePatternResolver resources, Programs programs) {
        try {
            charts = EvidenceCharts.load(resources.getResources(LOCATION));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + LOCATION, e);
        }
        List<String> missing = new ArrayList<>();
        for (String handbook : programs.openHandbooks()) {
            for (int task = 1; task <= 4; task++) {
                if (!charts.containsKey(EvidenceCharts.key(handbook, task))) {
                    missing.add("task " + task + " of handbook " + handbook);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Handbook versions open for registration lack evidence charts: " + missing);
        }
    }

    public Optional<EvidenceChart> chart(String handbookVersion, int task) {
        return Optional.ofNullable(charts.get(EvidenceCharts.key(handbookVersion, task)));
    }
}
