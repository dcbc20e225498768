package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface MentorRepository extends JpaRepository<Mentor, Long> {

    Optional<Mentor> findByEmail(String email);

    List<Mentor> findByDistrictIgnoreCaseAndSchoolIgnoreCaseOrderByFullName(String district, String school);
}
