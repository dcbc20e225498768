package org.palflow.drafting;

import org.palflow.program.Programs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What later stages (screening, scoring) may know of a sealed submission. Scorers get it blinded: parts named by
 * the evidence chart, never by the candidate's file names, and text with every identifying term redacted.
 */
@Service
@Transactional(readOnly = true)
public class SubmittedEvidence {

    public record Submission(long id, long candidateId, int task, String handbookVersion, Instant submittedAt) {
    }

    public record BlindedFile(long fileId, String part, String partName, String fileType, int words,
            Integer pages) {
    }

    private final TaskSubmissionRepository submissions;
    private final SubmissionFileRepository submissionFiles;
    private final EvidenceFileRepository files;
    private final EvidenceTextRepository texts;
    private final TaskDraftRepository drafts;
    private final Candidates candidates;
    private final Programs programs;
    private final EvidenceChartCatalog charts;

    SubmittedEvidence(TaskSubmissionRepository submissions, SubmissionFileRepository submissionFiles,
            EvidenceFileRepository files, EvidenceTextRepository texts, TaskDraftRepository drafts,
            Candidates candidates, Programs programs, EvidenceChartCatalog charts) {
        this.submissions = submissions;
        this.submissionFiles = submissionFiles;
        this.files = files;
        this.texts = texts;
        this.drafts = drafts;
        this.candidates = candidates;
        this.programs = programs;
        this.charts = charts;
    }

    public Submission submission(long submissionId) {
        TaskSubmission submission = sealed(submissionId);
        return new Submission(submission.getId(), submission.getCandidateId(), submission.getTaskNumber(),
                submission.getHandbookVersion(), submission.getSubmittedAt());
    }

    /** Every readable file's text, part by part: what originality screening compares. */
    public String fullText(long submissionId) {
        return submissionFiles.findBySubmissionIdOrderByPartCode(submissionId).stream()
                .flatMap(file -> texts.findById(file.getSha256()).stream())
                .map(EvidenceText::getText).filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n\n"));
    }

    public List<BlindedFile> blindedFiles(long submissionId) {
        TaskSubmission submission = sealed(submissionId);
        Map<String, String> partNames = charts.chart(submission.getHandbookVersion(), submission.getTaskNumber())
                .map(chart -> chart.parts().stream().collect(Collectors.toMap(EvidenceChart.Part::code,
                        EvidenceChart.Part::name)))
                .orElse(Map.of());
        List<BlindedFile> blinded = new ArrayList<>();
        for (SubmissionFile sealedFile : submissionFiles.findBySubmissionIdOrderByPartCode(submissionId)) {
            EvidenceFile file = files.findById(sealedFile.getEvidenceFileId()).orElseThrow();
            EvidenceText text = texts.findById(sealedFile.getSha256()).orElse(null);
            blinded.add(new BlindedFile(file.getId(), sealedFile.getPartCode(),
                    partNames.getOrDefault(sealedFile.getPartCode(), "Part " + sealedFile.getPartCode()),
                    file.getFileType().extension(), text == null ? 0 : text.getWordCount(),
                    text == null ? null : text.getPageCount().orElse(null)));
        }
        return blinded;
    }

    public String blindedText(long submissionId, long fileId) {
        TaskSubmission submission = sealed(submissionId);
        SubmissionFile sealedFile = submissionFiles.findBySubmissionIdOrderByPartCode(submissionId).stream()
                .filter(file -> file.getEvidenceFileId() == fileId).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("The submission has no file " + fileId + "."));
        String text = texts.findById(sealedFile.getSha256()).map(EvidenceText::getText).orElse("");
        return BlindingCheck.redact(text == null ? "" : text, identifyingTerms(submission));
    }

    /** Every value that names the candidate, their school, district, program or the people on their roster. */
    private Set<String> identifyingTerms(TaskSubmission submission) {
        Candidate candidate = candidates.get(submission.getCandidateId());
        TaskDraft draft = drafts.findById(submission.getDraftId()).orElseThrow();
        List<String> places = new ArrayList<>(List.of(candidate.school(), candidate.district(),
                candidate.email(), candidate.programCode()));
        programs.program(candidate.programCode()).ifPresent(program -> places.add(program.name()));
        return BlindingCheck.identifyingTerms(Stream.concat(Stream.of(candidate.fullName()),
                draft.rosterNames().stream()).toList(), places);
    }

    private TaskSubmission sealed(long submissionId) {
        return submissions.findById(submissionId)
                .orElseThrow(() -> ApiProblem.notFound("There is no submission " + submissionId + "."));
    }
}
