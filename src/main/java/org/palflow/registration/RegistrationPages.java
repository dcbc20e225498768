package org.palflow.registration;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.palflow.platform.security.Actor;
import org.palflow.platform.web.ApiProblem;
import org.palflow.platform.web.ChecksTypedText;
import org.palflow.platform.web.PageController;
import org.palflow.platform.web.Refusal;
import org.palflow.program.Districts;
import org.palflow.program.Programs;
import org.palflow.program.School;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A candidate registers in the browser: program, cohort and handbook chosen from lists, the policies confirmed. */
@PageController
@PreAuthorize("hasRole('candidate')")
class RegistrationPages {

    /** The form as posted; the e-mail address is always the one the candidate signed in with. */
    record RegistrationForm(String fullName, String cohort, String district, String school, String handbookVersion,
            Boolean policiesConfirmed) {

        RegistrationDetails details(String email) {
            String[] programAndCohort = cohort == null ? new String[0] : cohort.split("/", 2);
            return new RegistrationDetails(fullName, email, programAndCohort.length == 2 ? programAndCohort[0] : null,
                    programAndCohort.length == 2 ? programAndCohort[1] : null, district, school, handbookVersion,
                    Boolean.TRUE.equals(policiesConfirmed));
        }
    }

    private final RegistrationService registrations;
    private final Programs programs;
    private final Districts districts;
    private final jakarta.validation.Validator validator;

    RegistrationPages(RegistrationService registrations, Programs programs, Districts districts,
            jakarta.validation.Validator validator) {
        this.registrations = registrations;
        this.programs = programs;
        this.districts = districts;
        this.validator = validator;
    }

    @GetMapping("/candidate/register")
    String form(Model model) {
        return show(model, new RegistrationForm(null, null, null, null, null, false), Refusal.none());
    }

    @PostMapping("/candidate/register")
    @ChecksTypedText
    String register(@ModelAttribute RegistrationForm form, Model model, RedirectAttributes redirect) {
        Actor actor = Actor.current();
        RegistrationDetails details = form.details(actor.email());
        Refusal invalid = Refusal.of(validator.validate(details), Map.of("programCode", "cohort",
                "cohortCode", "cohort"));
        if (!invalid.isEmpty()) {
            return show(model, form, invalid);
        }
        try {
            RegistrationService.Submitted submitted = registrations.submit(details, actor);
            redirect.addFlashAttribute("success", submitted.created()
                    ? "Your registration is received. Its checks take a moment; this page shows the outcome."
                    : "You are already registered; here is your case.");
            return "redirect:/candidate";
        } catch (ApiProblem refused) {
            return show(model, form, Refusal.of(refused));
        }
    }

    /** The form's fields as its labels name them, for the error summary. */
    private static final Map<String, String> LABELS = Map.of("fullName", "Full name", "email", "E-mail address",
            "cohort", "Preparation program and cohort", "district", "School district", "school", "School",
            "handbookVersion", "Candidate handbook", "policiesConfirmed", "Assessment policies");

    private String show(Model model, RegistrationForm form, Refusal refusal) {
        model.addAttribute("labels", LABELS);
        model.addAttribute("form", form);
        model.addAttribute("refusal", refusal);
        model.addAttribute("cohorts", programs.openCohorts());
        model.addAttribute("districts", districts.all());
        Map<String, List<School>> schools = new LinkedHashMap<>();
        districts.all().forEach(district -> {
            List<School> of = districts.schoolsOf(district.code());
            if (!of.isEmpty()) {
                schools.put(district.name(), of);
            }
        });
        model.addAttribute("schools", schools);
        model.addAttribute("handbooks", programs.handbooks().stream()
                .filter(handbook -> handbook.openForRegistration()).toList());
        return "candidate/register";
    }
}
