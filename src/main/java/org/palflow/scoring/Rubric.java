package org.palflow.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;
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

    /**
     * The band a score falls in. Bands are written to two decimals (1.00–2.09, 2.10–2.74, …); a mean of two
     * scorings such as 2.095 belongs to the band it has not yet left, the last one whose lower bound it reaches.
     */
    public Optional<Band> bandOf(BigDecimal score) {
        return bands.stream().filter(band -> score.compareTo(band.from()) >= 0).reduce((lower, higher) -> higher)
                .filter(band -> score.setScale(2, RoundingMode.DOWN).compareTo(band.to()) <= 0);
    }

    public List<String> indicatorCodes() {
        return indicators.stream().map(Indicator::code).toList();
    }
}
