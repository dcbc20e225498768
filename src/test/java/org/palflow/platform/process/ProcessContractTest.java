package org.palflow.platform.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.camunda.client.annotation.JobWorker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The contract between processes/*.bpmn and the Java that drives them, checked both ways: every job type has
 * exactly one worker and every worker a job; every message the BPMN waits for is published from Java and every
 * message Java publishes is one the BPMN knows; every process and element the Java names (main code and tests)
 * exists in the BPMN.
 */
class ProcessContractTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path JAVA = Path.of("src");
    private static final Pattern STRING_CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]+)\";");
    private static final Pattern PUBLISHED = Pattern.compile("\\.publishOnce\\(\\s*(\\w+|\"[^\"]+\")");
    private static final Pattern PROCESS_ID = Pattern.compile("static final String PROCESS_ID = \"([^\"]+)\"");
    private static final Pattern ELEMENT_CALL = Pattern.compile(
            "(?:hasPassedElements?(?:InOrder)?|hasNotPassedElements?|isWaitingAtElements|isNotWaitingAtElements"
                    + "|startBeforeElement)\\(([^;]*?)\\)[;.\\s]", Pattern.DOTALL);
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9]+(?:-[a-z0-9]+)+)\"");

    private final Bpmn bpmn = Bpmn.read(PROCESSES);

    @Test
    void everyJobTypeHasExactlyOneWorkerAndEveryWorkerAJob() throws ClassNotFoundException {
        Map<String, List<String>> workers = new HashMap<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (BeanDefinition bean : scanner.findCandidateComponents("org.palflow")) {
            Class<?> type = ClassUtils.forName(bean.getBeanClassName(), getClass().getClassLoader());
            for (var method : type.getDeclaredMethods()) {
                JobWorker worker = method.getAnnotation(JobWorker.class);
                if (worker != null) {
                    workers.computeIfAbsent(worker.type(), t -> new ArrayList<>())
                            .add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(workers.keySet()).as("job types of the BPMN").containsExactlyInAnyOrderElementsOf(bpmn.jobTypes);
        workers.forEach((jobType, handlers) -> assertThat(handlers).as("workers of " + jobType).hasSize(1));
    }

    @Test
    void everyMessageTheBpmnWaitsForIsPublishedAndNothingElseIs() {
        Set<String> published = new TreeSet<>();
        for (String source : sources(JAVA.resolve("main/java"))) {
            Map<String, String> constants = new HashMap<>();
            Matcher constant = STRING_CONSTANT.matcher(source);
            while (constant.find()) {
                constants.put(constant.group(1), constant.group(2));
            }
            Matcher publish = PUBLISHED.matcher(source);
            while (publish.find()) {
                String name = publish.group(1);
                published.add(name.startsWith("\"") ? name.substring(1, name.length() - 1)
                        : constants.getOrDefault(name, "unresolved constant " + name));
            }
        }
        assertThat(published).as("messages published from Java").containsExactlyInAnyOrderElementsOf(bpmn.messages);
    }

    @Test
    void everyProcessAndElementNamedInJavaExistsInTheBpmn() {
        Set<String> processes = new TreeSet<>();
        Set<String> elements = new TreeSet<>();
        for (String source : sources(JAVA)) {
            Matcher process = PROCESS_ID.matcher(source);
            while (process.find()) {
                processes.add(process.group(1));
            }
            Matcher call = ELEMENT_CALL.matcher(source);
            while (call.find()) {
                Matcher literal = LITERAL.matcher(call.group(1));
                while (literal.find()) {
                    elements.add(literal.group(1));
                }
            }
        }
        assertThat(processes).isNotEmpty();
        assertThat(bpmn.processIds).as("processes named in Java").containsAll(processes);
        assertThat(elements).as("the check reads element names").contains("validate-registration", "await-score");
        Set<String> named = new TreeSet<>(bpmn.elementIds);
        named.addAll(bpmn.processIds);
        assertThat(named).as("elements named in Java").containsAll(elements);
    }

    private static List<String> sources(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(file -> file.toString().endsWith(".java")).map(file -> {
                try {
                    return Files.readString(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the BPMN files declare: process ids, element ids, job types, and the messages they wait for. */
    private record Bpmn(Set<String> processIds, Set<String> elementIds, Set<String> jobTypes, Set<String> messages) {

        static Bpmn read(Path folder) {
            Bpmn bpmn = new Bpmn(new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>());
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                    var factory = DocumentBuilderFactory.newInstance();
                    factory.setNamespaceAware(true);
                    var document = factory.newDocumentBuilder().parse(file.toFile());
                    NodeList all = document.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL", "*");
                    for (int i = 0; i < all.getLength(); i++) {
                        Element element = (Element) all.item(i);
                        switch (element.getLocalName()) {
                            case "process" -> bpmn.processIds.add(element.getAttribute("id"));
                            case "message" -> bpmn.messages.add(element.getAttribute("name"));
                            default -> {
                                if (element.hasAttribute("id")) {
                                    bpmn.elementIds.add(element.getAttribute("id"));
                                }
                            }
                        }
                    }
                    NodeList tasks = document.getElementsByTagNameNS("http://camunda.org/schema/zeebe/1.0",
                            "taskDefinition");
                    for (int i = 0; i < tasks.getLength(); i++) {
                        bpmn.jobTypes.add(((Element) tasks.item(i)).getAttribute("type"));
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException("processes/ cannot be read", e);
            }
            return bpmn;
        }
    }
}
