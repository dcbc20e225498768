package org.palflow.licensure;

import org.springframework.data.jpa.repository.JpaRepository;

interface ElarReceiptRepository extends JpaRepository<ElarReceipt, String> {
}
