package org.palflow.platform.web;

import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A page's button that changes something: it runs the same service call as the API, then goes back to the page
 * (post, redirect, get) with the outcome for the page's alert: the success message, or the refusal in the words of
 * the rule that refused, exactly as the API's problem detail says it.
 */
public final class PageActions {

    private PageActions() {
    }

    public static String run(Runnable action, String success, String page, RedirectAttributes redirect) {
        return run(action, new LinkedMultiValueMap<>(), success, page, redirect);
    }

    /**
     * As {@link #run(Runnable, String, String, RedirectAttributes)}, for a form people type into: refused, it comes
     * back as it was sent (the page's fields read {@code entered} before anything stored), so nothing typed is lost.
     */
    public static String run(Runnable action, MultiValueMap<String, String> entered, String success, String page,
            RedirectAttributes redirect) {
        try {
            action.run();
            redirect.addFlashAttribute("success", success);
        } catch (ApiProblem refused) {
            return refuse(Refusal.of(refused), entered, page, redirect);
        }
        return "redirect:" + page;
    }

    /** Back to the page with a refusal found before the action ran, such as the form's own validation. */
    public static String refuse(Refusal refusal, String page, RedirectAttributes redirect) {
        redirect.addFlashAttribute("refused", refusal);
        return "redirect:" + page;
    }

    /** As {@link #refuse(Refusal, String, RedirectAttributes)}, with the form as it was sent. */
    public static String refuse(Refusal refusal, MultiValueMap<String, String> entered, String page,
            RedirectAttributes redirect) {
        if (!entered.isEmpty()) {
            MultiValueMap<String, String> typed = new LinkedMultiValueMap<>(entered);
            typed.remove("_csrf");
            redirect.addFlashAttribute("entered", typed);
        }
        return refuse(refusal, page, redirect);
    }
}
