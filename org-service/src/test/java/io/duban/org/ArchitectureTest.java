package io.duban.org;

import io.duban.testing.LayeringTest;

/** The layering of org-service: test-support's {@link LayeringTest} rules on io.duban.org. */
class ArchitectureTest extends LayeringTest {

    @Override
    protected String basePackage() {
        return "io.duban.org";
    }

    @Override
    protected boolean usesPlainLibraries() {
        return false; // the feed contract is not on org-service's class path (task- and report-service check both libraries)
    }
}
