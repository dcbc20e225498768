/**
 * Mentor assignment: a coordinator proposes a school leader, who accepts or declines (mentor-assignment process).
 */
@ApplicationModule(displayName = "Mentoring")
package org.palflow.mentoring;

import org.springframework.modulith.ApplicationModule;
