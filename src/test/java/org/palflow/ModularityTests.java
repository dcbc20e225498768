package org.palflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features are application modules: each uses another only through its published API (the types at its
 * package root) or its events, and no two depend on each other in a cycle. Also writes the module documentation
 * (component diagrams, one canvas per module) to target/spring-modulith-docs.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(PalFlowApplication.class);

    @Test
    void featureModulesKeepTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
