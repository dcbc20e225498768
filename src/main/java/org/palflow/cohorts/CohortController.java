package org.palflow.cohorts;

import org.palflow.program.Programs;
import org.palflow.platform.security.Actor;
import org.palflow.platform.security.Role;
import org.palflow.platform.web.ApiProblem;
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
    private final Programs programs;

    CohortController(CohortView view, Programs programs) {
        this.view = view;
        this.programs = programs;
    }

    @GetMapping("/api/coordinator/cohorts")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    java.util.List<CohortView.CohortSummary> cohorts() {
        Actor actor = Actor.current();
        return view.cohortsOf(actor.is(Role.ADMIN) ? null : actor.email());
    }

    @GetMapping("/api/programs/{program}/cohorts/{cohort}/candidates")
    @PreAuthorize("hasAnyRole('coordinator', 'admin')")
    CohortView.Page candidates(@PathVariable String program, @PathVariable String cohort,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
            @RequestParam(defaultValue = "false") boolean atRisk, @RequestParam(required = false) String status,
            @RequestParam(required = false) String name) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ApiProblem.invalid("The page is not valid.", java.util.List.of(
                    "page must be 0 or more and size 1 to " + MAX_PAGE_SIZE));
        }
        Actor actor = Actor.current();
        programs.program(program).filter(found -> actor.is(Role.ADMIN) || found.isCoordinatedBy(actor.email()))
                .orElseThrow(() -> ApiProblem.notFound("No program " + program + " that you coordinate."));
        return view.page(program, cohort, new CohortView.Filter(atRisk, status, name), page, size);
    }
}
