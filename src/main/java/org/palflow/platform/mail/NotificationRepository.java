package org.palflow.platform.mail;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, Long> {

    @Query("select count(n) > 0 from Notification n where n.dedupeKey = :dedupeKey")
    boolean existsByDedupeKey(String dedupeKey);

    /** The notification, locked until the transaction ends: one delivery at a time, across app instances. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("SELECT n FROM Notification n WHERE n.id = :id")
    Optional<Notification> lockById(long id);

    @Query("SELECT n.id FROM Notification n WHERE n.deliveredAt IS NULL AND n.sentAt < :before ORDER BY n.id")
    List<Long> undeliveredBefore(Instant before, Limit limit);

    List<Notification> findTop100ByRecipientOrderBySentAtDescIdDesc(String recipient);

    long countByRecipientAndReadAtIsNull(String recipient);

    List<Notification> findByRecipientAndReadAtIsNull(String recipient);
}
