/**
 * Candidates register (one by one or a cohort from CSV) and the candidate-registration process checks and
 * activates them. Publishes {@link org.palflow.registration.RegistrationSubmitted}. Its SQL read model is the view
 * {@code registration_candidate}.
 */
@ApplicationModule(displayName = "Registration")
package org.palflow.registration;

import org.springframework.modulith.ApplicationModule;
