package org.palflow.platform.process;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.BoundaryEvent;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The BPMN the app deploys (processes/ on the classpath), read once: each process's id, name and XML for the
 * diagram, and its deadlines. A deadline is a timer boundary event with the property {@code pal-deadline} (set in
 * Camunda Modeler's custom properties): a case still waiting at the element it is attached to once it fires, or
 * past its due date, waits too long.
 */
@Component
public class ProcessModels {

    public record ProcessModel(String id, String name, String xml, Set<String> deadlineEvents,
            Map<String, String> elementNames) {

        /** The element's name as the diagram shows it, or its id when it has none. */
        public String nameOf(String elementId) {
            String name = elementNames.get(elementId);
            return name == null || name.isBlank() ? elementId : name.replaceAll("\\s+", " ");
        }
    }

    static final String DEADLINE_PROPERTY = "pal-deadline";

    private final Map<String, ProcessModel> models;

    ProcessModels() {
        Map<String, ProcessModel> read = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:/processes/*.bpmn")) {
                ProcessModel model = read(resource);
                read.put(model.id(), model);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.models = Collections.unmodifiableMap(new LinkedHashMap<>(read));
    }

    public List<ProcessModel> all() {
        return List.copyOf(models.values());
    }

    public Optional<ProcessModel> find(String bpmnProcessId) {
        return Optional.ofNullable(models.get(bpmnProcessId));
    }

    /** Every deadline event id of every process (ids are unique within a process; kept by process). */
    Map<String, Set<String>> deadlineEvents() {
        Map<String, Set<String>> deadlines = new TreeMap<>();
        models.values().forEach(model -> deadlines.put(model.id(), model.deadlineEvents()));
        return deadlines;
    }

    private static ProcessModel read(Resource resource) throws IOException {
        byte[] bytes;
        try (InputStream in = resource.getInputStream()) {
            bytes = in.readAllBytes();
        }
        BpmnModelInstance model = Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes));
        Process process = model.getModelElementsByType(Process.class).iterator().next();
        Set<String> deadlines = new java.util.TreeSet<>();
        for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
            ZeebeProperties properties = event.getSingleExtensionElement(ZeebeProperties.class);
            if (properties != null && properties.getProperties().stream()
                    .anyMatch(property -> DEADLINE_PROPERTY.equals(property.getName())
                            && "true".equals(property.getValue()))) {
                deadlines.add(event.getId());
            }
        }
        Map<String, String> names = new LinkedHashMap<>();
        model.getModelElementsByType(FlowNode.class).forEach(node -> names.put(node.getId(), node.getName()));
        return new ProcessModel(process.getId(), process.getName(), new String(bytes, StandardCharsets.UTF_8),
                Set.copyOf(deadlines), Collections.unmodifiableMap(names));
    }
}
