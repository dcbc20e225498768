package org.palflow.scoring;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A task's rubric under one handbook version, as data ({@code rubrics/<handbook>/task-<n>.json}): its indicators,
 * the score bands and the condition codes scorers may apply to this task.
 */
public record Rubric(String handbookVersion, int task, String title, String note, List<Band> bands,
        Map<String, String> conditionCodes, List<Indicator> indicators) {

    public record Band(String name, BigDecimal from, BigDecimal to) {
    }

    /** {@code confirmed}: named by a seed document; otherwise provisional. */
    public record Indicator(String code, String name, String rubric, boolean confirmed) {
    }

    public Optional<Band> bandOf(BigDecimal score) {
        return bands.stream().filter(band -> score.compareTo(band.from()) >= 0 && score.compareTo(band.to()) <= 0)
                .findFirst();
    }

    public List<String> indicatorCodes() {
        return indicators.stream().map(Indicator::code).toList();
    }
}
