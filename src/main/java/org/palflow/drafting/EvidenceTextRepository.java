package org.palflow.drafting;

import org.springframework.data.jpa.repository.JpaRepository;

interface EvidenceTextRepository extends JpaRepository<EvidenceText, String> {
}
