package org.palflow.drafting;

import org.palflow.program.Programs;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
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
        List<SubmissionFile> sealed = submissionFiles.findBySubmissionIdOrderByPartCode(submissionId);
        Map<String, EvidenceText> textsByHash = texts.byHash(sealed.stream().map(SubmissionFile::getSha256).toList());
        return sealed.stream().map(file -> textsByHash.get(file.getSha256())).filter(Objects::nonNull)
                .map(EvidenceText::getText).filter(text -> text != null && !text.isBlank())
                .collect(Collectors.joining("\n\n"));
    }

    public List<BlindedFile> blindedFiles(long submissionId) {
        TaskSubmission submission = sealed(submissionId);
        Map<String, String> partNames = charts.chart(submission.getHandbookVersion(), submission.getTaskNumber())
                .map(chart -> chart.parts().stream().collect(Collectors.toMap(EvidenceChart.Part::code,
                        EvidenceChart.Part::name)))
                .orElse(Map.of());
        List<SubmissionFile> sealed = submissionFiles.findBySubmissionIdOrderByPartCode(submissionId);
        Map<Long, EvidenceFile> filesById = files.findAllById(sealed.stream().map(SubmissionFile::getEvidenceFileId)
                .toList()).stream().collect(Collectors.toMap(EvidenceFile::getId, Function.identity()));
        Map<String, EvidenceText> textsByHash = texts.byHash(sealed.stream().map(SubmissionFile::getSha256).toList());
        List<BlindedFile> blinded = new ArrayList<>();
        for (SubmissionFile sealedFile : sealed) {
            EvidenceFile file = filesById.get(sealedFile.getEvidenceFileId());
            EvidenceText text = textsByHash.get(sealedFile.getSha256());
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
