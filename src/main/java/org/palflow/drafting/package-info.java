/**
 * Task drafts, evidence uploads and their text, readiness reports, component reviews and submission (task-drafting
 * and evidence-extraction processes). {@link org.palflow.drafting.SubmittedEvidence} is what other features read
 * of a submission. Its SQL read models are the views {@code drafting_latest_attempt} and
 * {@code drafting_open_component}.
 */
@ApplicationModule(displayName = "Drafting")
package org.palflow.drafting;

import org.springframework.modulith.ApplicationModule;
