package org.palflow.drafting;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One component of leadership action in a draft: the candidate marks it done, the mentor approves or returns it. */
@Entity
class DraftMilestone {

    /** The components of every PAL task, in the handbook's order (seed 004, Figure 3). */
    public enum Component {
        INVESTIGATE, PREPARE, ACT, ASSESS;

        /** As the handbook writes it: "Investigate". */
        public String label() {
            return name().charAt(0) + name().substring(1).toLowerCase();
        }
    }

    public enum Status { OPEN, MARKED_DONE, RETURNED, APPROVED }

    /** The component open for work: the first not yet approved, in the handbook's order; empty once all are. */
    static Optional<Component> openComponent(List<DraftMilestone> inHandbookOrder) {
        return inHandbookOrder.stream().filter(milestone -> milestone.getStatus() != Status.APPROVED)
                .map(DraftMilestone::getComponent).findFirst();
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long draftId;
    @Enumerated(EnumType.STRING)
    private Component component;
    private int sequence;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String mentorComment;
    private Instant markedDoneAt;
    private Instant reviewedAt;
    @Version
    private long version;

    protected DraftMilestone() {
    }

    DraftMilestone(long draftId, Component component) {
        this.draftId = draftId;
        this.component = component;
        this.sequence = component.ordinal() + 1;
        this.status = Status.OPEN;
    }

    boolean awaitsCandidate() {
        return status == Status.OPEN || status == Status.RETURNED;
    }

    void markDone(Instant now) {
        status = Status.MARKED_DONE;
        markedDoneAt = now;
    }

    void review(boolean approved, String comment, Instant now) {
        status = approved ? Status.APPROVED : Status.RETURNED;
        mentorComment = comment;
        reviewedAt = now;
    }

    public Long getDraftId() {
        return draftId;
    }

    public Component getComponent() {
        return component;
    }

    public Status getStatus() {
        return status;
    }

    public String getMentorComment() {
        return mentorComment;
    }

    public Instant getMarkedDoneAt() {
        return markedDoneAt;
    }

    public Instant getReviewedAt() {
        return reviewedAt;
    }
}
