package org.palflow.scoring;

import java.time.LocalDate;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScoringWindowRepository extends JpaRepository<ScoringWindow, Long> {

    List<ScoringWindow> findBySubmissionDeadlineGreaterThanEqualOrderBySubmissionDeadlineAsc(LocalDate from);

    List<ScoringWindow> findAllByOrderBySubmissionDeadlineAsc();
}
