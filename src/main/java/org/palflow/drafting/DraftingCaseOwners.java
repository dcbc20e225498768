package org.palflow.drafting;

import java.util.Optional;
import org.palflow.platform.process.CandidateOfCase;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Whose draft, evidence file or submission a drafting, extraction or scoring case is. */
@Component
class DraftingCaseOwners implements CandidateOfCase {

    private final TaskDraftRepository drafts;
    private final EvidenceFileRepository files;
    private final TaskSubmissionRepository submissions;

    DraftingCaseOwners(TaskDraftRepository drafts, EvidenceFileRepository files, TaskSubmissionRepository submissions) {
        this.drafts = drafts;
        this.files = files;
        this.submissions = submissions;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> candidateOf(String variable, long id) {
        return switch (variable) {
            case "draftId" -> candidateOfDraft(id);
            case "fileId" -> files.findById(id).flatMap(file -> candidateOfDraft(file.getDraftId()));
            case "submissionId" -> submissions.findById(id).flatMap(submission -> candidateOfDraft(submission.getDraftId()));
            default -> Optional.empty();
        };
    }

    private Optional<Long> candidateOfDraft(long draftId) {
        return drafts.findById(draftId).map(TaskDraft::getCandidateId);
    }
}
