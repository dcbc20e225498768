package org.palflow.drafting;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DraftMilestoneRepository extends JpaRepository<DraftMilestone, Long> {

    List<DraftMilestone> findByDraftIdOrderBySequence(long draftId);

    Optional<DraftMilestone> findByDraftIdAndComponent(long draftId, DraftMilestone.Component component);

    List<DraftMilestone> findByDraftIdInOrderBySequence(Collection<Long> draftIds);

    List<DraftMilestone> findByDraftIdInAndStatus(Collection<Long> draftIds, DraftMilestone.Status status);
}
