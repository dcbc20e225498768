package org.palflow.drafting;

import java.util.List;
import java.util.Optional;

/**
 * What one PAL task's submission holds under one handbook version: data read from
 * {@code evidence-charts/<handbook>/task-<n>.json}, never code. Each part says whether a seed confirms it.
 */
public record EvidenceChart(String handbookVersion, int task, String title, long maxFileBytes,
        boolean maxFileBytesConfirmed, String note, List<Part> parts) {

    public enum PartKind { FORM, ARTIFACT, CATEGORY_DOCUMENT, COMMENTARY, VIDEO }

    public record Part(String code, String name, PartKind kind, int minFiles, int maxFiles, List<FileType> allowedTypes,
            Integer maxPages, Integer maxWords, boolean confirmed, String basis) {
    }

    public Optional<Part> part(String code) {
        return parts.stream().filter(part -> part.code().equals(code)).findFirst();
    }
}
