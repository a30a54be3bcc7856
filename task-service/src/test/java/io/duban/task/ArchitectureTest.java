package io.duban.task;

import io.duban.testing.LayeringTest;

/** The layering of task-service: test-support's {@link LayeringTest} rules on io.duban.task. */
class ArchitectureTest extends LayeringTest {

    @Override
    protected String basePackage() {
        return "io.duban.task";
    }
}
