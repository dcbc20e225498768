package org.palflow.drafting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface SubmissionFileRepository extends JpaRepository<SubmissionFile, Long> {

    List<SubmissionFile> findBySubmissionIdOrderByPartCode(long submissionId);
}
