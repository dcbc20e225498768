package org.palflow.platform.process;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The one path from a committed change to the engine: the change raises an event in its own transaction, the
 * Event Publication Registry stores it there, and the feature's listener starts an instance or publishes a
 * message derived from the event. A listener that fails (engine unreachable, app stopped mid-way) leaves its
 * publication incomplete; this hands those to their listeners again once the app is ready and then on a
 * schedule, on the embedded engine and on a cluster alike. Listeners are idempotent, so a repeat is harmless.
 */
@Component
class EngineCatchUp {

    private static final Logger log = LoggerFactory.getLogger(EngineCatchUp.class);

    private final IncompleteEventPublications publications;
    private final ProcessProperties properties;

    EngineCatchUp(IncompleteEventPublications publications, ProcessProperties properties) {
        this.publications = publications;
        this.properties = properties;
    }

    /** Once the app is ready: hand-offs that a stop or a crash interrupted are completed first of all. */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    void afterStartUp() {
        log.debug("Handing incomplete event publications to their listeners after start-up");
        publications.resubmitIncompletePublications(publication -> true);
    }

    /** Only publications older than a listener's usual run, so one still in flight is not run twice at once. */
    @Scheduled(fixedDelayString = "${pal.process.catch-up-every}", initialDelayString = "${pal.process.catch-up-every}")
    void onSchedule() {
        publications.resubmitIncompletePublicationsOlderThan(properties.catchUpAfter());
    }
}
