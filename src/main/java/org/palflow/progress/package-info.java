/**
 * Where a candidate's case stands and what it waits for, for the candidate and the people who support them.
 */
@ApplicationModule(displayName = "Case progress")
package org.palflow.progress;

import org.springframework.modulith.ApplicationModule;
