package org.palflow.drafting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DraftMilestoneRepository extends JpaRepository<DraftMilestone, Long> {

    @Query("select m from DraftMilestone m where m.draftId = :draftId order by m.sequence")
    List<DraftMilestone> findByDraftIdOrderBySequence(long draftId);

    @Query("select m from DraftMilestone m where m.draftId = :draftId and m.component = :component")
    Optional<DraftMilestone> findByDraftIdAndComponent(long draftId, DraftMilestone.Component component);

    List<DraftMilestone> findByDraftIdInOrderBySequence(Collection<Long> draftIds);

    List<DraftMilestone> findByDraftIdInAndStatus(Collection<Long> draftIds, DraftMilestone.Status status);
}
