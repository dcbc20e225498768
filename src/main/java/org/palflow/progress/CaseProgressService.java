package org.palflow.progress;

import java.util.List;
import java.util.Optional;
import org.palflow.mentoring.MentoringQueries;
import org.palflow.mentoring.MentoringView;
import org.palflow.platform.security.Actor;
import org.palflow.registration.Candidate;
import org.palflow.registration.Candidates;
import org.palflow.registration.CaseVisibility;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class CaseProgressService {

    private final Candidates candidates;
    private final CaseVisibility visibility;
    private final MentoringQueries mentoring;

    CaseProgressService(Candidates candidates, CaseVisibility visibility, MentoringQueries mentoring) {
        this.candidates = candidates;
        this.visibility = visibility;
        this.mentoring = mentoring;
    }

    CaseProgress progress(long candidateId, Actor actor) {
        return progressOf(visibility.visibleCase(candidateId, actor));
    }

    Candidate candidate(long candidateId, Actor actor) {
        return visibility.visibleCase(candidateId, actor);
    }

    List<CaseProgress> mentees(Actor actor) {
        return mentoring.menteesOf(actor).stream().map(id -> progressOf(candidates.get(id))).toList();
    }

    private CaseProgress progressOf(Candidate registration) {
        Optional<MentoringView> mentoringView = mentoring.view(registration.id());
        CaseProgress.Stage stage;
        String waitingFor;
        switch (registration.status()) {
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
                            waitingFor = "The program coordinator to propose a mentor from " + registration.school()
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
        return new CaseProgress(registration.id(), stage, waitingFor, candidates.view(registration.id()),
                mentoringView.orElse(null));
    }
}
