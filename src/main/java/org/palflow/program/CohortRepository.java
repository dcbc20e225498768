package org.palflow.program;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CohortRepository extends JpaRepository<Cohort, Long> {

    Optional<Cohort> findByProgramCodeAndCode(String programCode, String code);

    List<Cohort> findByProgramCodeOrderByCode(String programCode);
}
