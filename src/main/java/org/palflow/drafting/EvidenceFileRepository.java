package org.palflow.drafting;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceFileRepository extends JpaRepository<EvidenceFile, Long> {

    @Query("select f from EvidenceFile f where f.draftId = :draftId and f.partCode = :partCode order by f.fileVersion")
    List<EvidenceFile> findByDraftIdAndPartCodeOrderByFileVersionAsc(long draftId, String partCode);

    @Query("select f from EvidenceFile f where f.draftId = :draftId order by f.partCode, f.fileVersion")
    List<EvidenceFile> findByDraftIdOrderByPartCodeAscFileVersionAsc(long draftId);

    @Query("select f from EvidenceFile f where f.draftId = :draftId and f.idempotencyKey = :idempotencyKey")
    Optional<EvidenceFile> findByDraftIdAndIdempotencyKey(long draftId, String idempotencyKey);

    @Query("select coalesce(max(f.fileVersion), 0) from EvidenceFile f where f.draftId = :draftId and f.partCode = :partCode")
    int latestVersion(long draftId, String partCode);

    /** The draft's parts whose newest file has no text yet. */
    @Query("""
            select count(f) from EvidenceFile f where f.draftId = :draftId
              and f.fileVersion = (select max(g.fileVersion) from EvidenceFile g
                                   where g.draftId = f.draftId and g.partCode = f.partCode)
              and not exists (select t from EvidenceText t where t.sha256 = f.sha256)""")
    long countUnread(long draftId);
}
