package org.palflow.registration;

import java.util.List;
import java.util.Map;
import org.palflow.platform.process.OpenCases;
import org.palflow.platform.process.ResumePoint;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registrations still being checked resume at the check; the check is idempotent. One whose process never
 * started is left to its stored start event, which the catch-up delivers.
 */
@Component
class RegistrationOpenCases implements OpenCases {

    private final RegistrationRepository registrations;

    RegistrationOpenCases(RegistrationRepository registrations) {
        this.registrations = registrations;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResumePoint> resumePoints() {
        return registrations.findByStatus(RegistrationStatus.SUBMITTED).stream()
                .filter(registration -> registration.getProcessInstanceKey() != null)
                .map(registration -> new ResumePoint(RegistrationProcess.PROCESS_ID, "validate-registration",
                        Map.of("registrationId", registration.getId())))
                .toList();
    }
}
