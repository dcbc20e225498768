package org.palflow.licensure;

import org.springframework.data.jpa.repository.JpaRepository;

interface ScoreExpiryRepository extends JpaRepository<ScoreExpiry, Long> {
}
