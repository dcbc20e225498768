package org.palflow.drafting;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface DraftMilestoneRepository extends JpaRepository<DraftMilestone, Long> {

    @Query("select m from DraftMilestone m where m.draftId = :draftId order by m.sequence")
    List<DraftMilestone> findByDraftIdOrderBySequence(long draftId);

    @Query("select m from DraftMilestone m where m.draftId = :draftId and m.component = :component")
    Optional<DraftMilestone> findByDraftIdAndComponent(long draftId, DraftMilestone.Component component);

    /** As above, locked until the transaction ends: the same step sent twice at once is taken once, in turn. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select m from DraftMilestone m where m.draftId = :draftId and m.component = :component")
    Optional<DraftMilestone> lockByDraftIdAndComponent(long draftId, DraftMilestone.Component component);

    List<DraftMilestone> findByDraftIdInOrderBySequence(Collection<Long> draftIds);

    List<DraftMilestone> findByDraftIdInAndStatus(Collection<Long> draftIds, DraftMilestone.Status status);
}
