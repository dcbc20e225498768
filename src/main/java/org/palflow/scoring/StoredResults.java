package org.palflow.scoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.palflow.scoring.ScoringRules.TaskResult;
import org.springframework.stereotype.Component;

/** A scorer's or a released result as the database keeps it: JSON of {@link TaskResult}. */
@Component
class StoredResults {

    private final ObjectMapper json;

    StoredResults(ObjectMapper json) {
        this.json = json;
    }

    TaskResult read(String result) {
        try {
            return json.readValue(result, TaskResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored result", e);
        }
    }

    String write(TaskResult result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
