package org.palflow.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.palflow.platform.web.PageActions;
import org.palflow.platform.web.PageController;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The process dashboard: every process with its totals; each process's diagram (bpmn-js) with the counts on its
 * elements, the same numbers in a table, the cases waiting at a chosen element, and the open incidents to retry.
 */
@PageController
@PreAuthorize("hasRole('admin')")
class ProcessPages {

    private final ProcessDashboard dashboard;
    private final ObjectMapper json;

    ProcessPages(ProcessDashboard dashboard, ObjectMapper json) {
        this.dashboard = dashboard;
        this.json = json;
    }

    @GetMapping("/admin/processes")
    String processes(Model model) {
        model.addAttribute("processes", dashboard.processes());
        return "operations/processes";
    }

    @GetMapping("/admin/processes/{processId}")
    String process(@PathVariable String processId, @RequestParam(required = false) String element, Model model)
            throws JsonProcessingException {
        var elements = dashboard.elements(processId);
        model.addAttribute("process", dashboard.model(processId));
        model.addAttribute("elements", elements);
        // Read by the diagram script from a <script type="application/json">, which must not hold "</".
        model.addAttribute("countsJson", json.writeValueAsString(elements).replace("</", "<\\/"));
        model.addAttribute("incidents", dashboard.incidents(processId));
        model.addAttribute("throughput", dashboard.throughput(processId));
        if (element != null) {
            cases(processId, element, model);
        }
        return "operations/process";
    }

    /** The cases waiting at one element: a fragment htmx puts under the diagram when an element is clicked. */
    @GetMapping("/admin/processes/{processId}/elements/{elementId}")
    String elementCases(@PathVariable String processId, @PathVariable String elementId, Model model) {
        cases(processId, elementId, model);
        return "operations/process :: cases";
    }

    @GetMapping(path = "/admin/processes/{processId}/diagram.bpmn", produces = MediaType.APPLICATION_XML_VALUE)
    @ResponseBody
    String diagram(@PathVariable String processId) {
        return dashboard.model(processId).xml();
    }

    @PostMapping("/admin/processes/{processId}/incidents/{incidentKey}/retry")
    String retry(@PathVariable String processId, @PathVariable long incidentKey, RedirectAttributes redirect) {
        return PageActions.run(() -> dashboard.retry(processId, incidentKey),
                "The incident is resolved and its job tried again.", "/admin/processes/" + processId, redirect);
    }

    private void cases(String processId, String elementId, Model model) {
        model.addAttribute("process", dashboard.model(processId));
        model.addAttribute("element", elementId);
        model.addAttribute("elementName", dashboard.model(processId).nameOf(elementId));
        model.addAttribute("cases", dashboard.waitingAt(processId, elementId));
    }
}
