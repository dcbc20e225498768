package org.palflow.scoring;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.palflow.platform.time.PalCalendar;

/**
 * A scoring window an admin sets: work submitted by the deadline (the end of that day, Massachusetts time) is
 * scored and reported on the score-report date. Which handbook versions and tasks it takes is part of the window,
 * so a cut-off such as "old-handbook Tasks 1–2 until July 10, 2025" is a window, not code.
 */
@Entity
class ScoringWindow {

    /** One handbook version and task the window accepts. */
    @Embeddable
    public record Accepted(@Column(name = "handbook_version") String handbookVersion, int task) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String name;
    private LocalDate submissionDeadline;
    private LocalDate scoreReportDate;
    private String createdBy;
    private Instant createdAt;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "scoring_window_task", joinColumns = @JoinColumn(name = "window_id"))
    private Set<Accepted> accepts = new HashSet<>();

    protected ScoringWindow() {
    }

    ScoringWindow(String name, LocalDate submissionDeadline, LocalDate scoreReportDate, Set<Accepted> accepts,
            String createdBy, Instant createdAt) {
        this.name = name;
        this.submissionDeadline = submissionDeadline;
        this.scoreReportDate = scoreReportDate;
        this.accepts = new HashSet<>(accepts);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public boolean accepts(String handbookVersion, int task) {
        return accepts.contains(new Accepted(handbookVersion, task));
    }

    /** The last moment a submission counts for this window: the deadline day's end. */
    public Instant closesAt(PalCalendar calendar) {
        return calendar.startOf(submissionDeadline.plusDays(1));
    }

    public Instant reportsAt(PalCalendar calendar) {
        return calendar.startOf(scoreReportDate);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public LocalDate getSubmissionDeadline() {
        return submissionDeadline;
    }

    public LocalDate getScoreReportDate() {
        return scoreReportDate;
    }

    public Set<Accepted> getAccepts() {
        return Set.copyOf(accepts);
    }
}
