package org.palflow.drafting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SubmissionFileRepository extends JpaRepository<SubmissionFile, Long> {

    @Query("select f from SubmissionFile f where f.submissionId = :submissionId order by f.partCode")
    List<SubmissionFile> findBySubmissionIdOrderByPartCode(long submissionId);
}
