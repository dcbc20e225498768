/**
 * Preparation programs, their cohorts and the handbook versions: reference data the other features read. Its SQL
 * read model is the view {@code program_cohort}.
 */
@ApplicationModule(displayName = "Programs")
package org.palflow.program;

import org.springframework.modulith.ApplicationModule;
