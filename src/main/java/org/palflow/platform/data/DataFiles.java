package org.palflow.platform.data;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.core.io.Resource;

/**
 * Rules that change by handbook version or task (evidence charts, rubrics) are JSON files. They are read strictly
 * and checked at start-up; every problem in every file is reported at once, and the app does not start with any.
 */
public final class DataFiles {

    /** Strict: a misspelt field or a missing number is an error, not a silent default. */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
            .build();

    private DataFiles() {
    }

    /** Key: handbook version and task, e.g. "2025-26/2". */
    public static String key(String handbookVersion, int task) {
        return handbookVersion + "/" + task;
    }

    /**
     * Reads every resource as a {@code type}, keyed by {@code key}; {@code violations} lists what is wrong with
     * one file's content. {@code what} names the kind of file in messages ("evidence chart").
     */
    public static <T> Map<String, T> load(Resource[] resources, Class<T> type, Function<T, String> key,
            Function<T, List<String>> violations, String what) {
        Map<String, T> loaded = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (Resource resource : resources) {
            String name = resource.getDescription();
            T data;
            try (InputStream in = resource.getInputStream()) {
                data = JSON.readValue(in, type);
            } catch (IOException e) {
                problems.add(name + ": not a readable " + what + " (" + e.getMessage().lines().findFirst().orElse("")
                        + ")");
                continue;
            }
            violations.apply(data).forEach(violation -> problems.add(name + ": " + violation));
            if (loaded.put(key.apply(data), data) != null) {
                problems.add(name + ": a second " + what + " for " + key.apply(data));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid " + what + "s:\n- " + String.join("\n- ", problems));
        }
        return loaded;
    }
}
