package org.palflow.mentoring;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface MentorRepository extends JpaRepository<Mentor, Long> {

    @Query("select m from Mentor m where m.email = :email")
    Optional<Mentor> findByEmail(String email);

    List<Mentor> findByDistrictIgnoreCaseAndSchoolIgnoreCaseOrderByFullName(String district, String school);
}
