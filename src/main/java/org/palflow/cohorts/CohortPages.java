package org.palflow.cohorts;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.PageController;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The coordinator's cohorts in the browser: their cohorts with counts, and a cohort's dashboard (candidates × tasks,
 * filters, sorting, paging, the stage chart) with its export. The filter form is a plain GET, so every filtered,
 * sorted page has an address to share, and htmx only swaps the results in place.
 */
@PageController
@PreAuthorize("hasAnyRole('coordinator', 'admin')")
class CohortPages {

    static final int PAGE_SIZE = 50;

    private final CohortView view;
    private final CohortExport export;

    CohortPages(CohortView view, CohortExport export) {
        this.view = view;
        this.export = export;
    }

    @GetMapping("/coordinator")
    String cohorts(Model model) {
        model.addAttribute("cohorts", view.cohortsVisibleTo(Actor.current()));
        return "coordinator/cohorts";
    }

    /** A cohort's at-risk count, which judges every candidate: loaded into the cohorts table after it is shown. */
    @GetMapping("/coordinator/cohorts/{program}/{cohort}/at-risk")
    String atRisk(@PathVariable String program, @PathVariable String cohort, Model model) {
        view.checkCoordinates(program, Actor.current());
        model.addAttribute("program", program);
        model.addAttribute("cohort", cohort);
        model.addAttribute("atRisk", view.atRiskCount(program, cohort));
        return "coordinator/cohorts :: at-risk";
    }

    /** What the filter form sends; everything optional. */
    record Query(Boolean atRisk, String status, String name, Integer task, CohortView.TaskStage stage,
            CohortView.Sort sort, Boolean descending, Integer page) {

        CohortView.Filter filter() {
            return new CohortView.Filter(Boolean.TRUE.equals(atRisk), blankToNull(status), blankToNull(name),
                    task, task == null ? null : stage);
        }

        CohortView.Sort sortOrDefault() {
            return sort == null ? CohortView.Sort.REGISTERED : sort;
        }

        boolean descendingOrDefault() {
            return Boolean.TRUE.equals(descending);
        }

        int pageOrFirst() {
            return page == null || page < 0 ? 0 : page;
        }

        public String with(String path) {
            return with(path, Map.of());
        }

        /** The same query with some parameters changed, as a link: for paging, sorting and exports. */
        public String with(String path, Map<String, Object> changes) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("atRisk", Boolean.TRUE.equals(atRisk) ? true : null);
            parameters.put("status", blankToNull(status));
            parameters.put("name", blankToNull(name));
            parameters.put("task", task);
            parameters.put("stage", stage);
            parameters.put("sort", sort);
            parameters.put("descending", Boolean.TRUE.equals(descending) ? true : null);
            parameters.put("page", page);
            parameters.putAll(changes);
            UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
            parameters.forEach((key, value) -> {
                if (value != null) {
                    link.queryParam(key, value);
                }
            });
            return link.encode().build().toUriString();
        }

        public String pageLink(String path, long page) {
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("page", page == 0 ? null : page);
            return with(path, changes);
        }

        /** The link a column header ({@link CohortView.Sort} by name) sorts by: ascending first, then the other way. */
        public String sortLink(String path, String columnName) {
            CohortView.Sort column = CohortView.Sort.valueOf(columnName);
            boolean descendingNext = sortOrDefault() == column && !descendingOrDefault();
            Map<String, Object> changes = new LinkedHashMap<>();
            changes.put("sort", column);
            changes.put("descending", descendingNext ? true : null);
            changes.put("page", null);
            return with(path, changes);
        }

        /** aria-sort for a column header. */
        public String ariaSort(String columnName) {
            CohortView.Sort column = CohortView.Sort.valueOf(columnName);
            return sortOrDefault() != column ? "none" : descendingOrDefault() ? "descending" : "ascending";
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    @GetMapping("/coordinator/cohorts/{program}/{cohort}")
    String cohort(@PathVariable String program, @PathVariable String cohort, Query query, Model model) {
        view.checkCoordinates(program, Actor.current());
        CohortView.Page page = view.page(program, cohort, query.filter(), query.sortOrDefault(),
                query.descendingOrDefault(), query.pageOrFirst(), PAGE_SIZE);
        String path = "/coordinator/cohorts/" + program + "/" + cohort;
        model.addAttribute("path", path);
        model.addAttribute("query", query);
        model.addAttribute("page", page);
        model.addAttribute("lastPage", Math.max(0, (page.total() - 1) / PAGE_SIZE));
        model.addAttribute("stages", CohortView.TaskStage.values());
        model.addAttribute("statuses", List.of("SUBMITTED", "ACTIVE", "REJECTED"));
        return "coordinator/cohort";
    }

    /** The stage chart, loaded after the table so the first page shows at once. */
    @GetMapping("/coordinator/cohorts/{program}/{cohort}/stages")
    String stages(@PathVariable String program, @PathVariable String cohort, Model model) {
        view.checkCoordinates(program, Actor.current());
        List<CohortView.StageCounts> counts = view.stageCounts(program, cohort);
        model.addAttribute("counts", counts);
        model.addAttribute("stages", CohortView.TaskStage.values());
        model.addAttribute("path", "/coordinator/cohorts/" + program + "/" + cohort);
        model.addAttribute("largest", counts.stream().flatMap(task -> task.counts().values().stream())
                .mapToLong(Long::longValue).max().orElse(0));
        return "coordinator/stage-chart :: chart";
    }

    @GetMapping("/coordinator/cohorts/{program}/{cohort}/export.csv")
    void exportCsv(@PathVariable String program, @PathVariable String cohort, Query query,
            HttpServletResponse response) throws IOException {
        view.checkCoordinates(program, Actor.current());
        attachment(response, "text/csv;charset=UTF-8", program + "-" + cohort + ".csv");
        export.csv(program, cohort, query.filter(), query.sortOrDefault(), query.descendingOrDefault(),
                response.getWriter());
    }

    @GetMapping("/coordinator/cohorts/{program}/{cohort}/export.xlsx")
    void exportWorkbook(@PathVariable String program, @PathVariable String cohort, Query query,
            HttpServletResponse response) throws IOException {
        view.checkCoordinates(program, Actor.current());
        attachment(response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                program + "-" + cohort + ".xlsx");
        export.workbook(program, cohort, query.filter(), query.sortOrDefault(), query.descendingOrDefault(),
                response.getOutputStream());
    }

    private static void attachment(HttpServletResponse response, String type, String fileName) {
        response.setContentType(type);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"");
    }
}
