package org.palflow.program;

import org.springframework.data.jpa.repository.JpaRepository;

public interface HandbookVersionRepository extends JpaRepository<HandbookVersion, String> {
}
