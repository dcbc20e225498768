package org.palflow.platform.process;

import java.util.Map;

/** Where an open case stands in a process, so that a fresh engine can continue it from there. */
public record ResumePoint(String bpmnProcessId, String elementId, Map<String, Object> variables) {
}
