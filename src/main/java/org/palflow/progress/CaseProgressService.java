package org.palflow.progress;

import java.util.List;
import java.util.Optional;
import org.palflow.mentoring.MentoringQueries;
import org.palflow.mentoring.MentoringView;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.Registration;
import org.palflow.registration.RegistrationRepository;
import org.palflow.registration.RegistrationView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CaseProgressService {

    private final RegistrationRepository registrations;
    private final MentoringQueries mentoring;

    CaseProgressService(RegistrationRepository registrations, MentoringQueries mentoring) {
        this.registrations = registrations;
        this.mentoring = mentoring;
    }

    /** Coordinators and admins see every case, a candidate their own, a mentor their mentees'. */
    CaseProgress progress(long candidateId, Actor actor) {
        Registration registration = registrations.findById(candidateId)
                .filter(r -> actor.seesAllCases() || r.getEmail().equals(actor.email())
                        || mentoring.isMentorOf(candidateId, actor))
                .orElseThrow(() -> ApiProblem.notFound("No case " + candidateId + " that you can see."));
        return progressOf(registration);
    }

    List<CaseProgress> mentees(Actor actor) {
        return mentoring.menteesOf(actor).stream()
                .map(id -> progressOf(registrations.findById(id).orElseThrow()))
                .toList();
    }

    private CaseProgress progressOf(Registration registration) {
        Optional<MentoringView> mentoringView = mentoring.view(registration.getId());
        CaseProgress.Stage stage;
        String waitingFor;
        switch (registration.getStatus()) {
            case SUBMITTED -> {
                stage = CaseProgress.Stage.REGISTRATION_CHECK;
                waitingFor = "The registration checks (program, cohort, handbook version, policies, duplicates).";
            }
            case REJECTED -> {
                stage = CaseProgress.Stage.REGISTRATION_REJECTED;
                waitingFor = "Nothing: the registration was not accepted. Fix the reasons and register again.";
            }
            default -> {
                MentoringView view = mentoringView.orElse(null);
                if (view == null) {
                    stage = CaseProgress.Stage.MENTOR_ASSIGNMENT_OPENING;
                    waitingFor = "Mentor assignment to open (moments after registration).";
                } else {
                    switch (view.status()) {
                        case AWAITING_PROPOSAL -> {
                            stage = CaseProgress.Stage.AWAITING_MENTOR_PROPOSAL;
                            waitingFor = "The program coordinator to propose a mentor from " + registration.getSchool()
                                    + "." + (view.returnedReason() == null ? "" : " Last proposal: "
                                    + view.returnedReason());
                        }
                        case AWAITING_RESPONSE -> {
                            stage = CaseProgress.Stage.AWAITING_MENTOR_RESPONSE;
                            MentoringView.ProposalView pending = view.pendingProposal();
                            waitingFor = pending == null ? "The mentor's answer to be recorded."
                                    : pending.mentor().fullName() + " to accept or decline mentoring by "
                                            + pending.respondBy() + ".";
                        }
                        default -> {
                            stage = CaseProgress.Stage.MENTORED;
                            waitingFor = "The first mentoring milestones with " + view.mentor().fullName()
                                    + ": a collaborative plan and an initial meeting.";
                        }
                    }
                }
            }
        }
        return new CaseProgress(registration.getId(), stage, waitingFor, RegistrationView.of(registration),
                mentoringView.orElse(null));
    }
}
