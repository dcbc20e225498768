package org.palflow.program;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProgramRepository extends JpaRepository<PreparationProgram, Long> {

    Optional<PreparationProgram> findByCode(String code);
}
