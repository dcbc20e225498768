package org.palflow.platform.process;

import java.util.List;
import java.util.Map;

/**
 * Where an open case stands in a process, so that a fresh engine can continue it from there: one element per
 * token (a process with parallel branches resumes in each).
 */
public record ResumePoint(String bpmnProcessId, List<String> elementIds, Map<String, Object> variables) {

    public ResumePoint(String bpmnProcessId, String elementId, Map<String, Object> variables) {
        this(bpmnProcessId, List.of(elementId), variables);
    }
}
