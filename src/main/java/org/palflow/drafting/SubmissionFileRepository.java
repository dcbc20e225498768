package org.palflow.drafting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SubmissionFileRepository extends JpaRepository<SubmissionFile, Long> {

    @Query("select f from SubmissionFile f where f.submissionId = :submissionId order by f.partCode")
    List<SubmissionFile> findBySubmissionIdOrderByPartCode(long submissionId);

    /** Seals the newest file of each of the draft's parts into the submission: one statement, not one a file. */
    @Modifying
    @Query("""
            insert into SubmissionFile (submissionId, partCode, evidenceFileId, sha256)
            select cast(:submissionId as Long), f.partCode, f.id, f.sha256 from EvidenceFile f
            where f.draftId = :draftId
              and f.fileVersion = (select max(g.fileVersion) from EvidenceFile g
                                   where g.draftId = f.draftId and g.partCode = f.partCode)""")
    int sealNewestFiles(long submissionId, long draftId);
}
