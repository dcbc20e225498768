package org.palflow.registration;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface RegistrationRepository extends JpaRepository<Registration, Long> {

    @Query("select r from Registration r where r.email = :email and r.status in :statuses")
    Optional<Registration> findByEmailAndStatusIn(String email, Collection<RegistrationStatus> statuses);

    Optional<Registration> findFirstByEmailOrderByIdDesc(String email);

    /** The engine's bookkeeping, written without the version, so it never collides with an edit of the record. */
    @Modifying
    @Query("UPDATE Registration r SET r.processInstanceKey = :key WHERE r.id = :id AND r.processInstanceKey IS NULL")
    int recordProcessInstance(@Param("id") long registrationId, @Param("key") long processInstanceKey);

    List<Registration> findByStatus(RegistrationStatus status);

    @Query("select r.id from Registration r where r.status = :status")
    List<Long> findIdsByStatus(RegistrationStatus status);

    List<Registration> findByEmailInAndStatusIn(Collection<String> emails, Collection<RegistrationStatus> statuses);

    @Query("""
            select count(r) > 0 from Registration r
            where lower(r.fullName) = lower(:fullName) and lower(r.district) = lower(:district)
              and r.programCode = :programCode and r.email <> :email and r.status <> 'REJECTED'
            """)
    boolean existsSameCandidateUnderOtherEmail(String fullName, String district, String programCode, String email);
}
