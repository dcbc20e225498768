/**
 * The coordinator's cohort view: every candidate's stage per task, decision and at-risk reasons.
 */
@ApplicationModule(displayName = "Cohorts")
package org.palflow.cohorts;

import org.springframework.modulith.ApplicationModule;
