package org.palflow.drafting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

    List<EvidenceFile> findByDraftIdAndPartCodeOrderByFileVersionAsc(long draftId, String partCode);

    List<EvidenceFile> findByDraftIdOrderByPartCodeAscFileVersionAsc(long draftId);

    Optional<EvidenceFile> findByDraftIdAndIdempotencyKey(long draftId, String idempotencyKey);

    @Query("select coalesce(max(f.fileVersion), 0) from EvidenceFile f where f.draftId = :draftId and f.partCode = :partCode")
    int latestVersion(long draftId, String partCode);
}
