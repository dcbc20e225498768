/**
 * Originality screening of submissions in a window and the administrative review of near-duplicates.
 */
@ApplicationModule(displayName = "Originality")
package org.palflow.originality;

import org.springframework.modulith.ApplicationModule;
