/**
 * Licensure decisions on the handbook's rules and the hand-off of passing decisions to ELAR (licensure-decision process).
 */
@ApplicationModule(displayName = "Licensure")
package org.palflow.licensure;

import org.springframework.modulith.ApplicationModule;
