package org.palflow.program;

import org.palflow.platform.web.PageController;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The PAL handbook versions the platform knows, and which of them take new candidates. */
@PageController
@PreAuthorize("hasAnyRole('admin', 'coordinator')")
class HandbookPages {

    private final Programs programs;

    HandbookPages(Programs programs) {
        this.programs = programs;
    }

    @GetMapping("/admin/handbooks")
    String handbooks(Model model) {
        model.addAttribute("handbooks", programs.handbooks());
        return "program/handbooks";
    }
}
