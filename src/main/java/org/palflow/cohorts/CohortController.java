package org.palflow.cohorts;

import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.registration.RegistrationStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Coordinators' view of their programs' cohorts, a page at a time, optionally only those at risk. */
@RestController
class CohortController {

    private static final int MAX_PAGE_SIZE = 200;

    private final CohortView view;

    CohortController(CohortView view) {
        this.view = view;
    }

    @GetMapping("/api/coordinator/cohorts")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    java.util.List<CohortView.CohortSummary> cohorts() {
        return view.cohortsVisibleTo(Actor.current());
    }

    @GetMapping("/api/programs/{program}/cohorts/{cohort}/candidates")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    CohortView.Page candidates(@PathVariable String program, @PathVariable String cohort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(defaultValue = "false") boolean atRisk, @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(required = false) String name, @RequestParam(required = false) Integer task,
            @RequestParam(required = false) CohortView.TaskStage stage,
            @RequestParam(defaultValue = "REGISTERED") CohortView.Sort sort,
            @RequestParam(defaultValue = "false") boolean descending) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("The page is not valid.", java.util.List.of(
                    "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE));
        }
        view.checkCoordinates(program, Actor.current());
        return view.page(program, cohort, new CohortView.Filter(atRisk, status == null ? null : status.name(), name, task, stage), sort, descending,
                page, size);
    }
}
