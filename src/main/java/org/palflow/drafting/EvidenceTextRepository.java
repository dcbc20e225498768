package org.palflow.drafting;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface EvidenceTextRepository extends JpaRepository<EvidenceText, String> {

    /** One file per content hash that has no extracted text yet. */
    @Query("""
            select min(f.id) from EvidenceFile f
            where not exists (select t.sha256 from EvidenceText t where t.sha256 = f.sha256)
            group by f.sha256
            """)
    List<Long> filesAwaitingExtraction();
}
