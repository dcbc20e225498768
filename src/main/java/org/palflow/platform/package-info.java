/**
 * The shared kernel every feature stands on: who is acting ({@code security}), one way to refuse a request ({@code
 * web}), the one path to the engine ({@code process}), mail, Massachusetts dates, data files, and the embedded
 * default. Open, so features use its sub-packages directly; it depends on no feature.
 */
@ApplicationModule(displayName = "Platform (shared kernel)", type = ApplicationModule.Type.OPEN)
package org.palflow.platform;

import org.springframework.modulith.ApplicationModule;
