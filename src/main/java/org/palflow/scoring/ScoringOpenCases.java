package org.palflow.scoring;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.palflow.drafting.SubmittedEvidence;
import org.palflow.platform.process.OpenCases;
import org.palflow.platform.process.ResumePoint;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every submission not yet reported or voided (including one whose task-submitted message a restart lost)
 * resumes at "Place in scoring window". Each step after it is idempotent and re-announces what the database
 * already holds (a decided review, a recorded score), so the process runs forward to where the case stands; the
 * deadline and report-date timers use stored dates. Open rescoring requests resume at their assignment.
 */
@Component
class ScoringOpenCases implements OpenCases {

    private static final Set<ScoringCase.Status> FINISHED = EnumSet.of(ScoringCase.Status.REPORTED,
            ScoringCase.Status.VOIDED);

    private final SubmittedEvidence evidence;
    private final ScoringCaseRepository cases;
    private final RescoringRequestRepository rescorings;

    ScoringOpenCases(SubmittedEvidence evidence, ScoringCaseRepository cases, RescoringRequestRepository rescorings) {
        this.evidence = evidence;
        this.cases = cases;
        this.rescorings = rescorings;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ResumePoint> resumePoints() {
        Set<Long> finished = cases.submissionIdsIn(FINISHED);
        List<ResumePoint> points = new ArrayList<>();
        for (long submissionId : evidence.submissionIds()) {
            if (!finished.contains(submissionId)) {
                points.add(new ResumePoint("task-scoring", "place-in-window", Map.of("submissionId", submissionId)));
            }
        }
        rescorings.findAll().stream().filter(request -> request.getStatus() == RescoringRequest.Status.REQUESTED)
                .forEach(request -> points.add(new ResumePoint("rescoring", "assign-scorer",
                        Map.of("submissionId", request.getSubmissionId()))));
        return points;
    }
}
