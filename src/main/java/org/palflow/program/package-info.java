/**
 * Preparation programs, their cohorts and the handbook versions: reference data the other features read.
 */
@ApplicationModule(displayName = "Programs")
package org.palflow.program;

import org.springframework.modulith.ApplicationModule;
