package org.palflow.drafting;

import io.camunda.client.CamundaClient;
import io.camunda.client.annotation.JobWorker;
import io.camunda.client.annotation.VariablesAsType;
import java.util.Map;
import org.palflow.platform.process.EngineHandOff;
import org.springframework.stereotype.Component;

/** processes/evidence-extraction.bpmn: started for every stored file, its one worker reads the text. */
@Component
public class EvidenceExtraction {

    static final String PROCESS_ID = "evidence-extraction";

    private final CamundaClient camunda;
    private final EvidenceTexts texts;

    EvidenceExtraction(CamundaClient camunda, EvidenceTexts texts) {
        this.camunda = camunda;
        this.texts = texts;
    }

    /** Reading a file twice costs time, not correctness: its text is cached by content hash. */
    @EngineHandOff
    void on(EvidenceFileStored stored) {
        camunda.newCreateInstanceCommand().bpmnProcessId(PROCESS_ID).latestVersion()
                .variables(Map.of("fileId", stored.fileId())).send().join();
    }

    @JobWorker(type = "extract-evidence-text")
    public Map<String, Object> extractEvidenceText(@VariablesAsType ExtractionVariables process) {
        EvidenceText text = texts.extract(process.fileId());
        return Map.of("textStatus", text.getStatus().name(), "words", text.getWordCount());
    }

}
