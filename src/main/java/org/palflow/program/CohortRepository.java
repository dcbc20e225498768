package org.palflow.program;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CohortRepository extends JpaRepository<Cohort, Long> {

    @Query("select c from Cohort c where c.program.code = :programCode and c.code = :code")
    Optional<Cohort> findByProgramCodeAndCode(String programCode, String code);

    List<Cohort> findByProgramCodeOrderByCode(String programCode);
}
