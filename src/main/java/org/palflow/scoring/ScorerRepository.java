package org.palflow.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ScorerRepository extends JpaRepository<Scorer, Long> {

    Optional<Scorer> findByUsername(String username);

    List<Scorer> findByActiveTrue();
}
