package io.duban.report;

import io.duban.testing.LayeringTest;

/** The layering of report-service: test-support's {@link LayeringTest} rules on io.duban.report. */
class ArchitectureTest extends LayeringTest {

    @Override
    protected String basePackage() {
        return "io.duban.report";
    }
}
