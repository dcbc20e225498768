package org.palflow.scoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ScorerRepository extends JpaRepository<Scorer, Long> {

    @Query("select s from Scorer s where s.username = :username")
    Optional<Scorer> findByUsername(String username);

    List<Scorer> findByActiveTrue();
}
