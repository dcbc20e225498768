package org.palflow.scoring;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ScoringCaseRepository extends JpaRepository<ScoringCase, Long> {

    List<ScoringCase> findByStatus(ScoringCase.Status status);

    @Query("select c from ScoringCase c where c.candidateId = :candidateId")
    List<ScoringCase> findByCandidateId(long candidateId);

    /** Per window and status: how many submissions (window id, status, count). */
    @Query("select c.windowId, c.status, count(c) from ScoringCase c where c.windowId is not null "
            + "group by c.windowId, c.status")
    List<Object[]> countsByWindowAndStatus();

    @Query("select c.submissionId from ScoringCase c where c.status in :statuses")
    Set<Long> submissionIdsIn(Collection<ScoringCase.Status> statuses);
}
