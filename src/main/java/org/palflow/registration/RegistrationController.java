package org.palflow.registration;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class RegistrationController {

    private final RegistrationService registrations;
    private final CohortImport cohortImport;

    RegistrationController(RegistrationService registrations, CohortImport cohortImport) {
        this.registrations = registrations;
        this.cohortImport = cohortImport;
    }

    /** 201 for a new registration; 200 with the existing case when the same e-mail registers again. */
    @PostMapping("/registrations")
    @PreAuthorize("hasAnyRole('candidate', 'coordinator')")
    ResponseEntity<RegistrationView> register(@Valid @RequestBody RegistrationDetails details) {
        Actor actor = Actor.current();
        RegistrationService.Submitted submitted = registrations.submit(details, actor);
        Registration registration = registrations.visibleTo(submitted.registration().getId(), actor);
        return ResponseEntity.status(submitted.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/registrations/" + registration.getId()))
                .body(RegistrationView.of(registration));
    }

    @GetMapping("/registrations/{id}")
    @PreAuthorize("hasAnyRole('candidate', 'coordinator', 'admin')")
    RegistrationView registration(@PathVariable long id) {
        return RegistrationView.of(registrations.visibleTo(id, Actor.current()));
    }

    record LicensureIdentifiers(String mepid) {
    }

    @PutMapping("/registrations/{id}/licensure-identifiers")
    @PreAuthorize("hasAnyRole('candidate', 'coordinator')")
    LicensureIdentifiers licensureIdentifiers(@PathVariable long id, @RequestBody LicensureIdentifiers identifiers) {
        return new LicensureIdentifiers(registrations.setMepid(id, identifiers.mepid(), Actor.current()).getMepid());
    }

    @GetMapping("/registrations/mine")
    @PreAuthorize("hasRole('candidate')")
    RegistrationView mine() {
        Actor actor = Actor.current();
        return registrations.latestOf(actor.email()).map(RegistrationView::of)
                .orElseThrow(() -> ApiProblem.notFound("You have not registered yet."));
    }

    record ImportedRow(int line, long registrationId, String email, RegistrationStatus status,
            CohortImport.Outcome outcome) {
    }

    record ImportReport(int created, int alreadyRegistered, List<ImportedRow> rows) {
    }

    /** A coordinator registers a cohort from CSV: all rows or none. */
    @PostMapping(path = "/programs/{programCode}/cohorts/{cohortCode}/registrations",
            consumes = {"text/csv", "text/plain"})
    @PreAuthorize("hasRole('coordinator')")
    ResponseEntity<ImportReport> importCohort(@PathVariable String programCode, @PathVariable String cohortCode,
            @RequestBody String csv) {
        List<CohortImport.Row> rows = cohortImport.importCsv(programCode, cohortCode, csv, Actor.current());
        List<ImportedRow> report = rows.stream().map(row -> new ImportedRow(row.line(), row.registration().getId(),
                row.registration().getEmail(), row.registration().getStatus(), row.outcome())).toList();
        int created = (int) report.stream().filter(row -> row.outcome() == CohortImport.Outcome.CREATED).count();
        return ResponseEntity.status(created > 0 ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new ImportReport(created, report.size() - created, report));
    }
}
