package org.palflow.drafting;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palflow.platform.data.DataFiles;
import org.springframework.core.io.Resource;

/** Reads evidence charts and refuses, with every reason at once, any chart that breaks the handbook's rules. */
public final class EvidenceCharts {

    private EvidenceCharts() {
    }

    /** Key: handbook version and task, e.g. "2025-26/2". */
    public static Map<String, EvidenceChart> load(Resource... resources) {
        return DataFiles.load(resources, EvidenceChart.class, chart -> key(chart.handbookVersion(), chart.task()),
                EvidenceCharts::violations, "evidence chart");
    }

    public static String key(String handbookVersion, int task) {
        return DataFiles.key(handbookVersion, task);
    }

    static List<String> violations(EvidenceChart chart) {
        List<String> violations = new ArrayList<>();
        if (chart.task() < 1 || chart.task() > 4) {
            violations.add("task must be 1 to 4, not " + chart.task());
        }
        if (chart.maxFileBytes() <= 0) {
            violations.add("maxFileBytes must be positive");
        }
        if (chart.parts() == null || chart.parts().isEmpty()) {
            violations.add("a chart needs parts");
            return violations;
        }
        Set<String> codes = new HashSet<>();
        for (EvidenceChart.Part part : chart.parts()) {
            String where = "part " + part.code();
            if (part.code() == null || part.name() == null || part.kind() == null) {
                violations.add(where + ": code, name and kind are required");
            }
            if (!codes.add(part.code())) {
                violations.add(where + " appears twice");
            }
            if (part.minFiles() < 0 || part.maxFiles() < Math.max(1, part.minFiles())) {
                violations.add(where + ": files must satisfy 0 <= minFiles <= maxFiles and maxFiles >= 1");
            }
            if (part.allowedTypes() == null || part.allowedTypes().isEmpty()) {
                violations.add(where + ": allowedTypes is empty");
            }
            if ((part.maxWords() != null && part.maxWords() <= 0) || (part.maxPages() != null && part.maxPages() <= 0)) {
                violations.add(where + ": word and page limits must be positive");
            }
        }
        long forms = count(chart, EvidenceChart.PartKind.FORM);
        long artifacts = count(chart, EvidenceChart.PartKind.ARTIFACT);
        long commentaries = count(chart, EvidenceChart.PartKind.COMMENTARY);
        if (forms != 1) {
            violations.add("needs exactly one Confidentiality and Anonymity Form part, has " + forms);
        }
        if (artifacts < 3 || commentaries < 1) {
            violations.add("needs at least three written artifacts and one commentary (handbook), has " + artifacts
                    + " and " + commentaries);
        }
        return violations;
    }

    private static long count(EvidenceChart chart, EvidenceChart.PartKind kind) {
        return chart.parts().stream().filter(part -> part.kind() == kind).count();
    }
}
