package org.palflow.operations;

import java.util.ArrayList;
import java.util.List;
import org.palflow.licensure.ElarHandoffs;
import org.palflow.originality.AdministrativeReviews;
import org.palflow.platform.web.PageController;
import org.palflow.program.Districts;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin's home: what needs a decision now, oldest kinds of work first, each with a link to act on it. */
@PageController
@PreAuthorize("hasRole('admin')")
class AdminHome {

    private final ProcessDashboard dashboard;
    private final AdministrativeReviews reviews;
    private final ElarHandoffs handoffs;
    private final Districts districts;

    AdminHome(ProcessDashboard dashboard, AdministrativeReviews reviews, ElarHandoffs handoffs, Districts districts) {
        this.dashboard = dashboard;
        this.reviews = reviews;
        this.handoffs = handoffs;
        this.districts = districts;
    }

    /** A waiting element with cases past their deadline, or incidents. */
    record Attention(String processId, String processName, String elementId, String elementName, long pastDeadline,
            long incidents) {
    }

    @GetMapping("/admin")
    String home(Model model) {
        List<Attention> attention = new ArrayList<>();
        for (var process : dashboard.models()) {
            dashboard.elements(process.id()).stream()
                    .filter(element -> element.pastDeadline() + element.incidents() > 0)
                    .forEach(element -> attention.add(new Attention(process.id(), process.name(),
                            element.elementId(), element.name(), element.pastDeadline(), element.incidents())));
        }
        model.addAttribute("openReviews", reviews.open().size());
        model.addAttribute("failedHandoffs", handoffs.all().stream().filter(ElarHandoffs.HandoffView::incident).count());
        model.addAttribute("attention", attention);
        model.addAttribute("unmatchedDistricts", districts.unmatched());
        return "operations/admin-home";
    }
}
