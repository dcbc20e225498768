package org.palflow.program;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProgramRepository extends JpaRepository<PreparationProgram, Long> {

    @Query("select p from PreparationProgram p where p.code = :code")
    Optional<PreparationProgram> findByCode(String code);
}
