package org.palflow.drafting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A draft as people read it: its chart's parts with their current files, and its components. */
@Component
class DraftViews {

    private final DraftingService drafting;
    private final DraftMilestoneRepository milestones;

    DraftViews(DraftingService drafting, DraftMilestoneRepository milestones) {
        this.drafting = drafting;
        this.milestones = milestones;
    }

    record FileView(long id, String part, int version, String name, FileType type, String sha256, long sizeBytes,
            String uploadedBy, Instant uploadedAt) {
        static FileView of(EvidenceFile file) {
            return new FileView(file.getId(), file.getPartCode(), file.getFileVersion(), file.getOriginalName(),
                    file.getFileType(), file.getSha256(), file.getSizeBytes(), file.getUploadedBy(),
                    file.getUploadedAt());
        }
    }

    record PartView(String code, String name, EvidenceChart.PartKind kind, List<FileType> allowedTypes,
            Integer maxPages, Integer maxWords, boolean confirmed, FileView current, int versions) {
    }

    record ComponentView(DraftMilestone.Component component, DraftMilestone.Status status, String mentorComment,
            Instant markedDoneAt, Instant reviewedAt) {
        static ComponentView of(DraftMilestone milestone) {
            return new ComponentView(milestone.getComponent(), milestone.getStatus(), milestone.getMentorComment(),
                    milestone.getMarkedDoneAt(), milestone.getReviewedAt());
        }
    }

    record DraftView(long id, long candidateId, int task, String title, String handbookVersion,
            TaskDraft.Status status, List<ComponentView> components, List<PartView> parts) {
    }

    DraftView of(TaskDraft draft) {
        return of(draft, drafting.filesOf(draft));
    }

    /** The same, from the draft's files already loaded (every version, in part and version order). */
    DraftView of(TaskDraft draft, List<EvidenceFile> files) {
        EvidenceChart chart = drafting.chartOf(draft);
        Map<String, List<EvidenceFile>> byPart = files.stream()
                .collect(Collectors.groupingBy(EvidenceFile::getPartCode));
        List<PartView> parts = chart.parts().stream().map(part -> {
            List<EvidenceFile> versions = byPart.getOrDefault(part.code(), List.of());
            FileView current = versions.isEmpty() ? null : FileView.of(versions.get(versions.size() - 1));
            return new PartView(part.code(), part.name(), part.kind(), part.allowedTypes(), part.maxPages(),
                    part.maxWords(), part.confirmed(), current, versions.size());
        }).toList();
        return new DraftView(draft.getId(), draft.getCandidateId(), draft.getTaskNumber(), chart.title(),
                draft.getHandbookVersion(), draft.getStatus(),
                milestones.findByDraftIdOrderBySequence(draft.getId()).stream().map(ComponentView::of).toList(), parts);
    }
}
