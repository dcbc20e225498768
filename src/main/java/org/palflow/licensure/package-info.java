/**
 * Licensure decisions on the handbook's rules and the hand-off of passing decisions to ELAR (licensure-decision
 * process). Its SQL read model is the view {@code licensure_latest_decision}.
 */
@ApplicationModule(displayName = "Licensure")
package org.palflow.licensure;

import org.springframework.modulith.ApplicationModule;
