package org.palflow.licensure;

import java.util.List;
import java.util.Map;
import org.palflow.platform.process.OpenCases;
import org.palflow.platform.process.ResumePoint;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Hand-offs still in the outbox resume at "Hand off to ELAR": the outbox row is the record of what is owed. */
@Component
class LicensureOpenCases implements OpenCases {

    private final ElarHandoffRepository handoffs;

    LicensureOpenCases(ElarHandoffRepository handoffs) {
        this.handoffs = handoffs;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResumePoint> resumePoints() {
        return handoffs.findByStatus(ElarHandoff.Status.PENDING).stream()
                .map(handoff -> new ResumePoint("licensure-decision", "hand-off-to-elar", Map.of(
                        "decisionId", handoff.getDecisionId(), "candidateId", handoff.getCandidateId(),
                        "handOff", true)))
                .toList();
    }
}
