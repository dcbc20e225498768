package org.palflow.program;

import java.util.List;
import org.palflow.platform.web.ApiProblem;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a person registering needs to know: which programs, cohorts, handbooks and school districts exist and which
 * are open.
 */
@RestController
@RequestMapping("/api")
class ProgramController {

    private final ProgramRepository programs;
    private final CohortRepository cohorts;
    private final HandbookVersionRepository handbooks;
    private final Districts districts;

    ProgramController(ProgramRepository programs, CohortRepository cohorts, HandbookVersionRepository handbooks,
            Districts districts) {
        this.programs = programs;
        this.cohorts = cohorts;
        this.handbooks = handbooks;
        this.districts = districts;
    }

    record CohortView(String code, String name, boolean accepting) {
    }

    record ProgramView(String code, String name, boolean accepting, List<CohortView> cohorts) {
    }

    record HandbookView(String code, String title, boolean openForRegistration) {
    }

    @GetMapping("/programs")
    @Transactional(readOnly = true)
    List<ProgramView> programs() {
        return programs.findAll().stream()
                .map(program -> new ProgramView(program.getCode(), program.getName(), program.isAccepting(),
                        cohorts.findByProgramCodeOrderByCode(program.getCode()).stream()
                                .map(cohort -> new CohortView(cohort.getCode(), cohort.getName(), cohort.isAccepting()))
                                .toList()))
                .toList();
    }

    @GetMapping("/handbook-versions")
    List<HandbookView> handbookVersions() {
        return handbooks.findAll().stream()
                .map(handbook -> new HandbookView(handbook.getCode(), handbook.getTitle(),
                        handbook.isOpenForRegistration()))
                .toList();
    }

    /** The school districts a registration or a scorer names, by name or code. */
    @GetMapping("/districts")
    List<District> districts() {
        return districts.all();
    }

    /** The schools of a district a registration names, by name or code. */
    @GetMapping("/districts/{code}/schools")
    List<School> schools(@PathVariable String code) {
        District district = districts.resolve(code).orElseThrow(() -> ApiProblem.notFound(Districts.unknown(code)));
        return districts.schoolsOf(district.code());
    }
}
