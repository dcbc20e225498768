package org.palflow.program;

import org.springframework.data.jpa.repository.JpaRepository;

interface HandbookVersionRepository extends JpaRepository<HandbookVersion, String> {
}
