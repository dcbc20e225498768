/**
 * Operations: the admin's view of the running assessment. Their home (what needs a decision now) and the process
 * dashboard: every process's diagram with the cases waiting at each element, incidents to retry and waits past
 * their deadline, read from the engine through {@code platform.process.ProcessStatistics}.
 */
@ApplicationModule(displayName = "Operations")
package org.palflow.operations;

import org.springframework.modulith.ApplicationModule;
