package org.palflow.scoring;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.palflow.program.Districts;
import org.palflow.program.Programs;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's scoring pages: scoring windows (create, what each holds) and the scorer pool. */
@PageController
@PreAuthorize("hasRole('admin')")
class ScoringAdminPages {

    private final ScoringWindows windows;
    private final ScorerPool pool;
    private final ScoringCaseRepository cases;
    private final Programs programs;
    private final Districts districts;

    ScoringAdminPages(ScoringWindows windows, ScorerPool pool, ScoringCaseRepository cases, Programs programs,
            Districts districts) {
        this.windows = windows;
        this.pool = pool;
        this.cases = cases;
        this.programs = programs;
        this.districts = districts;
    }

    /** A window and how many submissions it holds, by where they stand. */
    record WindowLine(ScoringWindow window, List<ScoringWindow.Accepted> accepts, Map<String, Long> held) {
    }

    @GetMapping("/admin/windows")
    String windows(Model model) {
        Map<Long, Map<String, Long>> held = new java.util.HashMap<>();
        cases.countsByWindowAndStatus().forEach(count -> held.computeIfAbsent((Long) count[0],
                id -> new java.util.TreeMap<>()).put(((ScoringCase.Status) count[1]).name(), (Long) count[2]));
        model.addAttribute("windows", windows.all().stream().map(window -> new WindowLine(window,
                window.getAccepts().stream().sorted(java.util.Comparator.comparing(ScoringWindow.Accepted::handbookVersion)
                        .thenComparingInt(ScoringWindow.Accepted::task)).toList(),
                held.getOrDefault(window.getId(), Map.of()))).toList());
        model.addAttribute("handbooks", programs.handbooks());
        return "scoring/admin-windows";
    }

    @PostMapping("/admin/windows")
    String createWindow(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return PageActions.run(() -> windows.create(newWindow(form), Actor.current()), form,
                "The scoring window is open for the tasks it accepts.", "/admin/windows", redirect);
    }

    @GetMapping("/admin/scorers")
    String scorers(Model model) {
        model.addAttribute("scorers", pool.all());
        model.addAttribute("districts", districts.all());
        return "scoring/admin-scorers";
    }

    @PostMapping("/admin/scorers")
    String addScorer(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        return PageActions.run(() -> pool.add(new ScorerPool.NewScorer(form.getFirst("username"),
                        form.getFirst("fullName"), form.getFirst("email"), form.getFirst("district"),
                        form.getFirst("programCode"), number(form.getFirst("capacity")))), form,
                "The scorer is in the pool and may be assigned from now on.", "/admin/scorers", redirect);
    }

    @PostMapping("/admin/scorers/{scorerId}/active")
    String setActive(@PathVariable long scorerId, @RequestParam boolean active, RedirectAttributes redirect) {
        return PageActions.run(() -> pool.setActive(scorerId, active), active
                ? "The scorer takes assignments again." : "The scorer takes no new assignments; their scores stand.",
                "/admin/scorers", redirect);
    }

    @PostMapping("/admin/scorers/{scorerId}/capacity")
    String setCapacity(@PathVariable long scorerId, @RequestParam(required = false) String capacity,
            RedirectAttributes redirect) {
        return PageActions.run(() -> pool.setCapacity(scorerId, number(capacity)), "The capacity is changed.",
                "/admin/scorers", redirect);
    }

    /** The form: name, two dates, and a checkbox "accepts" = HANDBOOK:TASK for each task the window accepts. */
    private static ScoringWindows.NewWindow newWindow(MultiValueMap<String, String> form) {
        Map<String, List<Integer>> byHandbook = new java.util.TreeMap<>();
        for (String accepted : form.getOrDefault("accepts", List.of())) {
            String[] handbookAndTask = accepted.split(":", 2);
            byHandbook.computeIfAbsent(handbookAndTask[0], handbook -> new ArrayList<>())
                    .add(number(handbookAndTask.length > 1 ? handbookAndTask[1] : null));
        }
        return new ScoringWindows.NewWindow(form.getFirst("name"), date(form.getFirst("submissionDeadline")),
                date(form.getFirst("scoreReportDate")), byHandbook.entrySet().stream()
                        .map(entry -> new ScoringWindows.AcceptedTasks(entry.getKey(), entry.getValue())).toList());
    }

    private static LocalDate date(String value) {
        try {
            return value == null || value.isBlank() ? null : LocalDate.parse(value);
        } catch (DateTimeParseException notADate) {
            throw ApiProblem.invalid("\"" + value + "\" is not a date such as 2027-03-04.", List.of());
        }
    }

    private static Integer number(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }
}
