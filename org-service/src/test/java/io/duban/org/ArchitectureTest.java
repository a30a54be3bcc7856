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
        return false; // org-service uses neither deadlines nor the feed contract
    }
}
