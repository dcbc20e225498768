package org.palflow.registration;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.palflow.platform.web.Refusal;
import org.palflow.program.ProgramCohort;
import org.palflow.program.Programs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A coordinator registers a cohort from a CSV file: the file is checked and previewed (every bad line by number)
 * before anything is stored, and imported, all rows or none, only when they confirm.
 */
@PageController
@PreAuthorize("hasRole('coordinator')")
class CohortImportPages {

    private final CohortImport cohortImport;
    private final Programs programs;

    CohortImportPages(CohortImport cohortImport, Programs programs) {
        this.cohortImport = cohortImport;
        this.programs = programs;
    }

    @GetMapping("/coordinator/import")
    String form(Model model) {
        model.addAttribute("cohorts", cohortsOf(Actor.current()));
        model.addAttribute("columns", String.join(",", CohortImport.COLUMNS));
        return "coordinator/import";
    }

    @PostMapping("/coordinator/import/preview")
    String preview(@RequestParam(required = false) String cohort, @RequestParam(required = false) MultipartFile file,
            Model model, RedirectAttributes redirect) throws IOException {
        if (cohort == null || !cohort.contains("/") || file == null || file.isEmpty()) {
            return PageActions.refuse(new Refusal("Choose the cohort and a CSV file with at least one candidate.",
                    java.util.Map.of(), List.of()), "/coordinator/import", redirect);
        }
        String csv = new String(file.getBytes(), StandardCharsets.UTF_8);
        String[] programAndCohort = cohort.split("/", 2);
        try {
            model.addAttribute("preview", cohortImport.preview(programAndCohort[0], programAndCohort[1], csv));
        } catch (ApiProblem refused) {
            return PageActions.refuse(Refusal.of(refused), "/coordinator/import", redirect);
        }
        model.addAttribute("cohort", cohort);
        model.addAttribute("fileName", file.getOriginalFilename());
        model.addAttribute("csv", csv);
        return "coordinator/import-preview";
    }

    @PostMapping("/coordinator/import")
    String importCohort(@RequestParam String cohort, @RequestParam String csv, RedirectAttributes redirect) {
        String[] programAndCohort = cohort.split("/", 2);
        try {
            List<CohortImport.Row> rows = cohortImport.importCsv(programAndCohort[0],
                    programAndCohort.length > 1 ? programAndCohort[1] : "", csv, Actor.current());
            long created = rows.stream().filter(row -> row.outcome() == CohortImport.Outcome.CREATED).count();
            redirect.addFlashAttribute("success", created + " candidate(s) registered, " + (rows.size() - created)
                    + " already registered. Each is checked and then waits for a mentor proposal.");
            return "redirect:/coordinator/cohorts/" + programAndCohort[0] + "/" + programAndCohort[1];
        } catch (ApiProblem refused) {
            return PageActions.refuse(Refusal.of(refused), "/coordinator/import", redirect);
        }
    }

    private List<ProgramCohort> cohortsOf(Actor actor) {
        return programs.openCohorts().stream().filter(cohort -> programs.program(cohort.programCode())
                .filter(program -> program.isCoordinatedBy(actor.email())).isPresent()).toList();
    }
}
