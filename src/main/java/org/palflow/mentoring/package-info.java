/**
 * Mentor assignment: a coordinator proposes a school leader, who accepts or declines (mentor-assignment process).
 * Its SQL read models are the views {@code mentoring_mentor} and {@code mentoring_pending_proposal}.
 */
@ApplicationModule(displayName = "Mentoring")
package org.palflow.mentoring;

import org.springframework.modulith.ApplicationModule;
