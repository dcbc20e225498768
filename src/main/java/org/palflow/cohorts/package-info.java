/**
 * The coordinator's cohort view: every candidate's stage per task, decision and at-risk reasons. It reads the
 * other features only through their published read models (the views of migration V14).
 */
@ApplicationModule(displayName = "Cohorts")
package org.palflow.cohorts;

import org.springframework.modulith.ApplicationModule;
